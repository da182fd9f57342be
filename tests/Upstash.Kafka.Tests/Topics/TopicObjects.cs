using System.Management.Automation;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.Topics;

/// <summary>
/// The module's topic and statistics objects as the tests see them: the tests import the built module and do not
/// reference its assembly, so an object is checked for its type by name and then read dynamically, as a script would.
/// </summary>
public static class TopicObjects
{
    public static dynamic SingleOf(this RunResult result, string typeName) => Assert.Single(result.Output).Of(typeName);

    public static dynamic Of(this PSObject value, string typeName)
    {
        Assert.Equal("Upstash.Kafka." + typeName, value.BaseObject.GetType().FullName);
        return value.BaseObject;
    }

    public static List<dynamic> AllOf(this RunResult result, string typeName) => result.Output.Select(o => o.Of(typeName)).ToList();

    /// <summary>A statistics series (an array of points) as a list.</summary>
    public static List<dynamic> Points(object series) => ((IEnumerable<object>)series).Cast<dynamic>().ToList();

    public static List<string> TopicNames(this RunResult result) => result.AllOf("KafkaTopic").Select(t => (string)t.Name).ToList();
}
