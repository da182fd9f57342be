using System.Text.RegularExpressions;

namespace Upstash.Kafka.Validation
{
    /// <summary>The shape of a Java class name as Kafka Connect takes one: dotted identifiers, nested classes with '$'.</summary>
    internal static class JavaClassName
    {
        private static readonly Regex Shape = new Regex(@"^[\p{L}_$][\p{L}\p{N}_$]*(\.[\p{L}_$][\p{L}\p{N}_$]*)*$", RegexOptions.CultureInvariant);

        public static bool IsValid(string name) => Shape.IsMatch(name);
    }
}
