package io.statecraft.generator.golden;

import io.statecraft.asl.AslReader;
import io.statecraft.asl.AslWriter;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.Chain;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Context;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Parallel;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.testing.GoldenFile;
import io.statecraft.asl.json.CanonicalJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every state type and every field, built with the DSL, written canonically, compared with a
 * reviewed golden file, and read back into the same model.
 */
class DslGoldenTest {

  private static final java.nio.file.Path GOLDEN = java.nio.file.Path.of("src/test/resources/golden/asl");

  @Test
  void everyJsonPathStateAndField() throws Exception {
    Path input = Path.input();
    Task describe = Task.named("Describe")
        .comment("every JSONPath task field")
        .resource("arn:aws:states:::aws-sdk:ec2:describeInstances")
        .credentials(Path.of("$.roleArn"))
        .inputPath(input.field("request"))
        .parameters(Json.object()
            .put("Filters", Json.array(Json.object()
                .put("Name", "instance-state-name")
                .put("Values", Json.strings("running"))
                .build()))
            .put("MaxResults", 50)
            .put("DryRun", false)
            .put("ClientToken", States.uuid())
            .put("Owner", input.fields("detail", "detail-type"))
            .put("Execution", Context.executionId()))
        .timeoutSecondsPath(Path.of("$.timeout"))
        .heartbeatSecondsPath(Path.of("$.heartbeat"))
        .resultSelector(Json.object().put("ids", Path.of("$.Reservations[*].Instances[*].InstanceId")))
        .resultPath(input.field("described"))
        .outputPath(input)
        .assign("firstId", Path.of("$.described.ids[0]"))
        .retry(Retry.on("Ec2.RequestLimitExceeded", Errors.TIMEOUT)
            .intervalSeconds(2).maxAttempts(5).backoffRate(2.0).maxDelaySeconds(30)
            .jitterStrategy(Retry.Jitter.FULL).comment("throttled"))
        .raw("NewField", Value.of("kept as written"));
    Task timed = Task.named("Timed")
        .resource("arn:aws:states:::lambda:invoke")
        .parameters(Json.object().put("FunctionName", "fn").put("Payload", Path.ROOT))
        .timeoutSeconds(300)
        .heartbeatSeconds(60)
        .discardResult();
    Fail failed = Fail.named("Failed").error("Patching.Failed").cause("see the execution history");
    Fail failedWithCause = Fail.named("FailedWithCause")
        .errorPath(Path.of("$.error.Error"))
        .causePath(States.format("{} failed: {}", Path.of("$.name"), Path.of("$.error.Cause")));
    describe.catchErrors(Catch.on(Errors.ALL).resultPath(input.field("error")).comment("report"), failedWithCause);
    describe.next(timed);

    Pass shape = Pass.named("Shape")
        .inputPath(NullValue.INSTANCE)
        .parameters(Json.object().put("count", States.arrayLength(Path.of("$.ids"))))
        .resultPath(input.field("shaped"))
        .outputPath(NullValue.INSTANCE);
    timed.next(shape);
    // In a Result, a ".$" key is plain text: it is not a payload template.
    Pass fixed = Pass.named("Fixed").result(new ObjectValue(java.util.Map.of("literal.$", Value.of("not a path"))));
    shape.next(fixed);

    Choice choose = Choice.named("Choose").inputPath(input).outputPath(input);
    fixed.next(choose);
    Wait waitSeconds = Wait.named("WaitSeconds").seconds(10);
    Wait waitSecondsPath = Wait.named("WaitSecondsPath").secondsPath(Path.of("$.delay"));
    Wait waitTimestamp = Wait.named("WaitTimestamp").timestamp("2026-03-14T01:59:00Z");
    Wait waitTimestampPath = Wait.named("WaitTimestampPath").timestampPath(Path.of("$.until"))
        .assign("waited", Value.of(true));
    Succeed done = Succeed.named("Done").inputPath(input.field("result")).outputPath(input);
    Path v = Path.of("$.v");
    Path other = Path.of("$.other");
    choose
        .when(Condition.stringEquals(v, "a").withComment("one rule per operator"), waitSeconds)
        .when(Condition.stringEqualsPath(v, other), waitSeconds)
        .when(Condition.stringLessThan(v, "b"), waitSeconds)
        .when(Condition.stringLessThanPath(v, other), waitSeconds)
        .when(Condition.stringGreaterThan(v, "c"), waitSeconds)
        .when(Condition.stringGreaterThanPath(v, other), waitSeconds)
        .when(Condition.stringLessThanEquals(v, "d"), waitSeconds)
        .when(Condition.stringLessThanEqualsPath(v, other), waitSeconds)
        .when(Condition.stringGreaterThanEquals(v, "e"), waitSeconds)
        .when(Condition.stringGreaterThanEqualsPath(v, other), waitSeconds)
        .when(Condition.stringMatches(v, "log-*.txt"), waitSeconds)
        .when(Condition.numericEquals(v, 1), waitSecondsPath)
        .when(Condition.numericEqualsPath(v, other), waitSecondsPath)
        .when(Condition.numericLessThan(v, 2.5), waitSecondsPath)
        .when(Condition.numericLessThanPath(v, other), waitSecondsPath)
        .when(Condition.numericGreaterThan(v, 3), waitSecondsPath)
        .when(Condition.numericGreaterThanPath(v, other), waitSecondsPath)
        .when(Condition.numericLessThanEquals(v, 4), waitSecondsPath)
        .when(Condition.numericLessThanEqualsPath(v, other), waitSecondsPath)
        .when(Condition.numericGreaterThanEquals(v, 5), waitSecondsPath)
        .when(Condition.numericGreaterThanEqualsPath(v, other), waitSecondsPath)
        .when(Condition.booleanEquals(v, true), waitTimestamp)
        .when(Condition.booleanEqualsPath(v, other), waitTimestamp)
        .when(Condition.timestampEquals(v, "2026-01-01T00:00:00Z"), waitTimestamp)
        .when(Condition.timestampEqualsPath(v, other), waitTimestamp)
        .when(Condition.timestampLessThan(v, "2026-01-01T00:00:00Z"), waitTimestamp)
        .when(Condition.timestampLessThanPath(v, other), waitTimestamp)
        .when(Condition.timestampGreaterThan(v, "2026-01-01T00:00:00Z"), waitTimestamp)
        .when(Condition.timestampGreaterThanPath(v, other), waitTimestamp)
        .when(Condition.timestampLessThanEquals(v, "2026-01-01T00:00:00Z"), waitTimestamp)
        .when(Condition.timestampLessThanEqualsPath(v, other), waitTimestamp)
        .when(Condition.timestampGreaterThanEquals(v, "2026-01-01T00:00:00Z"), waitTimestamp)
        .when(Condition.timestampGreaterThanEqualsPath(v, other), waitTimestamp)
        .when(Condition.isPresent(v), waitTimestampPath)
        .when(Condition.isNull(v, false), waitTimestampPath)
        .when(Condition.isString(v), waitTimestampPath)
        .when(Condition.isNumeric(v), waitTimestampPath)
        .when(Condition.isBoolean(v), waitTimestampPath)
        .when(Condition.isTimestamp(v), waitTimestampPath)
        .when(Condition.and(
                Condition.isPresent(v).withComment("nested"),
                Condition.or(Condition.isNull(v), Condition.not(Condition.isString(v))))
            .withComment("combined"), done, Json.object().put("matched", Path.of("$.v")).build(), null)
        .otherwise(failed);

    Parallel fanOut = Parallel.named("FanOut")
        .inputPath(input)
        .parameters(Json.object().put("ids", Path.of("$.ids")))
        .branch(Pass.named("BranchA"))
        .branch(Chain.of(Wait.named("BranchB").seconds(1), Succeed.named("BranchBDone")))
        .resultSelector(Json.object().put("first", Path.of("$[0]")))
        .resultPath(input.field("parallel"))
        .outputPath(input)
        .retry(Retry.on(Errors.BRANCH_FAILED).maxAttempts(1))
        .catchErrors(Catch.on(Errors.ALL), failed);
    waitSeconds.next(fanOut);
    waitSecondsPath.next(fanOut);
    waitTimestamp.next(fanOut);
    waitTimestampPath.next(fanOut);

    MapState forEach = MapState.named("ForEach")
        .inputPath(input)
        .itemsPath(Path.of("$.ids"))
        .itemSelector(Json.object().put("id", Context.mapItemValue()).put("index", Context.mapItemIndex()))
        .itemProcessor(Pass.named("PerItem"))
        .maxConcurrency(5)
        .resultSelector(Json.object().put("all", Path.ROOT))
        .resultPath(input.field("mapped"))
        .outputPath(input)
        .retry(Retry.on(Errors.TASK_FAILED))
        .catchErrors(Catch.on(Errors.ALL).resultPath(input.field("error")), failed);
    fanOut.next(forEach);
    MapState forEachPath = MapState.named("ForEachPath")
        .itemsPath(Path.of("$.ids"))
        .itemProcessor(Pass.named("PerItemPath").end())
        .maxConcurrencyPath(Path.of("$.concurrency"));
    forEach.next(forEachPath);
    forEachPath.next(done);

    StateMachine machine = StateMachine.startWith(describe)
        .comment("every JSONPath state type and field")
        .version("1.0")
        .timeoutSeconds(3600);

    assertGoldenAndReadBack(machine, "every-jsonpath-field.asl.json");
  }

  @Test
  void everyJsonataStateAndField() throws Exception {
    Task call = Task.named("Call")
        .resource("arn:aws:states:::lambda:invoke")
        .arguments(Json.object()
            .put("FunctionName", "fn")
            .put("Payload", Jsonata.of("$states.input"))
            .put("Attempt", Jsonata.of("$states.context.State.RetryCount")))
        .timeoutSeconds(Jsonata.of("$states.input.timeout"))
        .heartbeatSeconds(Jsonata.of("$states.input.heartbeat"))
        .output(Jsonata.of("$states.result.Payload"))
        .assign("calls", Jsonata.of("$calls + 1"))
        .retry(Retry.on("Lambda.TooManyRequestsException").intervalSeconds(1))
        .catchErrors(Catch.on(Errors.ALL)
            .output(Jsonata.of("$states.errorOutput"))
            .assign(Json.object().put("failedAt", Jsonata.of("$states.context.State.Name")).build()),
            Fail.named("Failed").error(Jsonata.of("$states.input.Error")).cause(Jsonata.of("$states.input.Cause")));
    Choice route = Choice.named("Route")
        .when(Condition.jsonata("$states.input.count > 0"), Wait.named("Pause").seconds(Jsonata.of("$states.input.delay")),
            Json.object().put("routed", Value.of(true)).build(), Jsonata.of("$states.input"))
        .when(Condition.jsonata("$states.input.count = 0").withComment("nothing to do"), Succeed.named("Nothing")
            .output(Jsonata.of("{ 'count': 0 }")))
        .output(Jsonata.of("$states.input"));
    call.next(route);
    MapState each = MapState.named("Each")
        .items(Jsonata.of("$states.input.ids"))
        .itemSelector(Json.object().put("id", Jsonata.of("$states.context.Map.Item.Value")))
        .itemProcessor(Pass.named("Item").output(Jsonata.of("$states.input.id")))
        .maxConcurrency(Jsonata.of("$states.input.concurrency"))
        .output(Jsonata.of("$states.result"));
    Parallel both = Parallel.named("Both")
        .arguments(Jsonata.of("$states.input"))
        .branch(Pass.named("Left"))
        .branch(Pass.named("Right").queryLanguage(QueryLanguage.JSONPATH).parameters(
            Json.object().put("id", Path.of("$.id"))))
        .output(Jsonata.of("$states.result[0]"))
        .assign("both", Jsonata.of("$states.result"));
    route.otherwise(each);
    each.next(both);
    StateMachine machine = StateMachine.startWith(call)
        .queryLanguage(QueryLanguage.JSONATA)
        .comment("every JSONata state type and field");

    assertGoldenAndReadBack(machine, "every-jsonata-field.asl.json");
  }

  @Test
  void distributedMapAndItsReaderBatcherWriter() throws Exception {
    MapState process = MapState.named("ProcessObjects")
        .itemReader(new AslItemReader("arn:aws:states:::s3:getObject",
            Json.object().put("InputType", "CSV").put("CSVHeaderLocation", "FIRST_ROW")
                .put("CSVDelimiter", "COMMA").put("MaxItems", 1000).build(),
            Json.object().put("Bucket", Path.of("$.bucket")).put("Key", "inventory.csv").build(),
            null, Map.of()))
        .itemBatcher(new AslItemBatcher(Value.of(10), null, Value.of(262144), null,
            Json.object().put("runId", Context.executionName()).build(), Map.of()))
        .itemProcessor(Task.named("ProcessBatch").resource("arn:aws:states:::lambda:invoke")
            .parameters(Json.object().put("FunctionName", "processor").put("Payload", Path.ROOT)))
        .distributed(MapState.ExecutionType.EXPRESS)
        .maxConcurrency(100)
        .toleratedFailurePercentage(5)
        .toleratedFailureCount(10)
        .label("objects")
        .resultWriter(new AslResultWriter("arn:aws:states:::s3:putObject",
            Json.object().put("Bucket", Path.of("$.bucket")).put("Prefix", "results").build(), null,
            Json.object().put("OutputType", "JSONL").put("Transformation", "FLATTEN").build(), Map.of()));
    MapState withPaths = MapState.named("WithPaths")
        .itemReader(new AslItemReader("arn:aws:states:::s3:listObjectsV2", null,
            Json.object().put("Bucket", Path.of("$.bucket")).build(), null, Map.of()))
        .itemBatcher(new AslItemBatcher(null, Path.of("$.batchSize"), null, Path.of("$.batchBytes"), null, Map.of()))
        .itemProcessor(Pass.named("Object"))
        .distributed(MapState.ExecutionType.STANDARD)
        .toleratedFailurePercentagePath(Path.of("$.percentage"))
        .toleratedFailureCountPath(Path.of("$.count"));
    process.next(withPaths);

    assertGoldenAndReadBack(StateMachine.startWith(process), "distributed-map.asl.json");
  }

  @Test
  void dynamicValuesTakeTheirWrittenForms() throws Exception {
    Placeholder topic = Placeholder.string("AlertsTopicArn");
    Placeholder attempts = new Placeholder("MaxPolls", Placeholder.Kind.NUMBER);
    Placeholder codes = new Placeholder("EventCodes", Placeholder.Kind.LIST);
    Task publish = Task.named("Publish")
        .resource("arn:aws:states:::sns:publish")
        .parameters(Json.object()
            .put("TopicArn", topic)
            .put("MaxPolls", attempts)
            .put("Codes", codes)
            .put("InstanceIds", Json.array(Path.of("$.instanceId")))
            .put("Mixed", Json.array(Value.of("a"), Path.of("$.b"), Value.of(3)))
            .put("Literal", Json.strings("x", "y")));
    Wait pause = Wait.named("Pause").queryLanguage(QueryLanguage.JSONATA).seconds(attempts);
    publish.next(pause);
    AslDefinition definition = StateMachine.startWith(publish).toDefinition();

    GoldenFile.verify(GOLDEN.resolve("dynamic-values.asl.json"), AslWriter.write(definition));
  }

  private static void assertGoldenAndReadBack(StateMachine machine, String golden) throws Exception {
    BuiltStateMachine built = machine.build();
    assertThat(built.issues()).isEmpty();
    String written = AslWriter.write(built.definition());

    GoldenFile.verify(GOLDEN.resolve(golden), written);
    AslDefinition readBack = AslReader.read(CanonicalJson.mapper().readTree(written));
    assertThat(readBack).isEqualTo(built.definition());
    assertThat(AslWriter.write(readBack)).isEqualTo(written);
  }

}
