using System.Text.RegularExpressions;

namespace Upstash.Kafka.Emulator.Faults;

/// <summary>
/// Holds the fault rules and decides, request by request, which one (if any) hits. Draws come from one seeded
/// random, so a soak run with the same seed and the same request order injects the same faults.
/// </summary>
public sealed class FaultInjector
{
    private readonly object gate = new();
    private readonly List<(FaultRule Rule, Regex? Path)> rules = new();
    private readonly Dictionary<FaultKind, int> injected = new();
    private Random random = new(1);

    public void Add(FaultRule rule)
    {
        Regex? path = rule.Path == null ? null : new Regex("^" + Regex.Escape(rule.Path).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.CultureInvariant);
        lock (gate)
        {
            rules.Add((rule, path));
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            rules.Clear();
            injected.Clear();
            random = new Random(1);
        }
    }

    public void Seed(int seed)
    {
        lock (gate)
        {
            random = new Random(seed);
        }
    }

    /// <summary>How many faults of each kind were injected since the last <see cref="Clear"/>.</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<FaultKind, int>(injected);
            }
        }
    }

    public int TotalInjected
    {
        get
        {
            lock (gate)
            {
                return injected.Values.Sum();
            }
        }
    }

    /// <summary>The first rule that hits this request, its count used up; null when none does.</summary>
    public FaultRule? Decide(string method, string path)
    {
        lock (gate)
        {
            for (int i = 0; i < rules.Count; i++)
            {
                (FaultRule rule, Regex? pattern) = rules[i];
                if ((rule.Method != null && !string.Equals(rule.Method, method, StringComparison.OrdinalIgnoreCase)) ||
                    (pattern != null && !pattern.IsMatch(path)))
                {
                    continue;
                }

                if (rule.Probability < 1.0 && random.NextDouble() >= rule.Probability)
                {
                    continue;
                }

                if (rule.Count is int left)
                {
                    if (left <= 1)
                    {
                        rules.RemoveAt(i);
                    }

                    rule.Count = left - 1;
                }

                injected[rule.Kind] = injected.GetValueOrDefault(rule.Kind) + 1;
                return rule;
            }

            return null;
        }
    }
}
