using Upstash.Kafka.Tests.Conventions;
using Upstash.Kafka.Tests.Infrastructure;

namespace Upstash.Kafka.Tests.ConnectorsAsCode;

/// <summary>Transforms and predicates are defined where they are listed, and their classes (and converters') are known.</summary>
public sealed class TransformValidationTests : IClassFixture<ImportedModuleFixture>
{
    private const string Mongo = "com.mongodb.kafka.connect.MongoSourceConnector";
    private const string Router = "org.apache.kafka.connect.transforms.RegexRouter";

    private readonly ModuleSession session;

    public TransformValidationTests(ImportedModuleFixture fixture)
    {
        session = fixture.Session;
    }

    private TestedConfig Test(params string[] changes) => ConfigValidation.Property(session, HostedConfigs.For(Mongo, changes));

    [Fact]
    public void A_full_chain_of_builtin_and_debezium_transforms_with_predicates_and_converters_is_valid()
    {
        TestedConfig result = Test(
            "transforms=unwrap, route,drop",
            "transforms.unwrap.type=io.debezium.transforms.ExtractNewRecordState",
            "transforms.route.type=" + Router,
            "transforms.route.regex=(.*)",
            "transforms.route.replacement=copy-$1",
            "transforms.drop.type=org.apache.kafka.connect.transforms.Filter",
            "transforms.drop.predicate=tombstone",
            "transforms.drop.negate=false",
            "predicates=tombstone",
            "predicates.tombstone.type=org.apache.kafka.connect.transforms.predicates.RecordIsTombstone",
            "key.converter=org.apache.kafka.connect.storage.StringConverter",
            "value.converter=org.apache.kafka.connect.json.JsonConverter",
            "value.converter.schemas.enable=false");

        Assert.True(result.IsValid, result.ToString());
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void A_listed_transform_or_predicate_without_its_type_is_an_error_on_the_type_key()
    {
        TestedConfig result = Test("transforms=route,mask", "transforms.route.type=" + Router, "transforms.mask.type= ", "predicates=isOrders");

        Assert.False(result.IsValid);
        Assert.Contains("is empty", result.Single("Error", "transforms.mask.type").Message, StringComparison.Ordinal);
        Assert.Contains("is missing", result.Single("Error", "predicates.isOrders.type").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_listed_twice_and_a_predicate_that_is_not_listed_are_errors()
    {
        TestedConfig result = Test("transforms=route,route", "transforms.route.type=" + Router, "transforms.route.predicate=isOrders");

        Assert.Contains("'route' more than once", result.Single("Error", "transforms").Message, StringComparison.Ordinal);
        Assert.Contains("predicates does not list", result.Single("Error", "transforms.route.predicate").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_defined_transform_that_is_not_listed_is_a_warning_because_kafka_connect_ignores_it()
    {
        TestedConfig result = Test("transforms=route", "transforms.route.type=" + Router, "transforms.unwrap.type=io.debezium.transforms.ExtractNewRecordState");

        Assert.True(result.IsValid, result.ToString());
        Assert.Contains("ignores it", result.Single("Warning", "transforms.unwrap.type").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_converter_transform_and_predicate_classes_are_warnings_once_each_with_a_likely_meaning()
    {
        TestedConfig result = Test(
            "value.converter=io.confluent.connect.avro.AvroConverter",
            "transforms=a,a2",
            "transforms.a.type=org.apache.kafka.connect.transform.RegexRouter",
            "transforms.a2.type=org.apache.kafka.connect.transforms.regexrouter",
            "predicates=p",
            "predicates.p.type=com.example.IsImportant");

        Assert.Contains("converter class", result.Single("Warning", "value.converter").Message, StringComparison.Ordinal);
        Assert.EndsWith("Did you mean " + Router + "?", result.Single("Warning", "transforms.a.type").Message, StringComparison.Ordinal);
        Assert.EndsWith("Did you mean " + Router + "?", result.Single("Warning", "transforms.a2.type").Message, StringComparison.Ordinal);
        result.Single("Warning", "predicates.p.type");
        Assert.True(result.IsValid, result.ToString());
    }

    [Fact]
    public void A_class_that_is_not_a_java_name_is_an_error()
    {
        TestedConfig result = Test("key.converter=String Converter", "transforms=r", "transforms.r.type=RegexRouter()");

        Assert.Contains("not a Java class name", result.Single("Error", "key.converter").Message, StringComparison.Ordinal);
        result.Single("Error", "transforms.r.type");
    }
}
