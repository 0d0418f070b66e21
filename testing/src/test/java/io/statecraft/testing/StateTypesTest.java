package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each state type, data-flow field and predefined error, as the Developer Guide describes them. */
class StateTypesTest {

  private static Execution run(String definition, String input) {
    return LocalExecutor.ofJson(definition).run(input);
  }

  @Test
  void passResultPathDollarReplacesTheInputAndFalsyResultsAreKept() {
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": {\"state\": \"running\"},"
        + " \"ResultPath\": \"$\", \"End\": true}}}", "{\"instanceId\": \"i-01\"}")).hasOutput("{\"state\": \"running\"}");
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": false, \"ResultPath\": \"$.dryRun\","
        + " \"Next\": \"Q\"}, \"Q\": {\"Type\": \"Pass\", \"Result\": 0, \"ResultPath\": \"$.retries\", \"End\": true}}}",
        "{\"instanceId\": \"i-01\"}")).hasOutput("{\"instanceId\": \"i-01\", \"dryRun\": false, \"retries\": 0}");
  }

  @Test
  void nullPathsDiscard() {
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1,"
        + " \"ResultPath\": null, \"End\": true}}}", "{\"a\": 1}")).hasOutput("{\"a\": 1}");
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"InputPath\": null, \"End\": true}}}",
        "{\"a\": 1}")).hasOutput("{}");
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"OutputPath\": null, \"End\": true}}}",
        "{\"a\": 1}")).hasOutput("{}");
  }

  @Test
  void contextObjectAndMapItems() {
    assertThat(run("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemsPath": "$.ids", "ItemProcessor": {"StartAt": "P",
          "States": {"P": {"Type": "Pass", "Parameters": {"id.$": "$", "ticket.$": "$$.Execution.Input.ticket",
          "state.$": "$$.State.Name", "execution.$": "$$.Execution.Name"}, "End": true}}}, "End": true}}}
        """, "{\"ticket\": \"OPS-1\", \"ids\": [\"i-01\", \"i-02\"]}"))
        .hasOutput("[{\"id\": \"i-01\", \"ticket\": \"OPS-1\", \"state\": \"P\", \"execution\": \"test-execution\"},"
            + " {\"id\": \"i-02\", \"ticket\": \"OPS-1\", \"state\": \"P\", \"execution\": \"test-execution\"}]");
  }

  @Test
  void jsonPathVariablesAreAssignedAfterResultSelectorAndReadWithDollarName() {
    assertThat(run("""
        {"StartAt": "A", "States": {
          "A": {"Type": "Pass", "Result": {"n": 5}, "Assign": {"count.$": "$.n", "fixed": "x"}, "Next": "B"},
          "B": {"Type": "Pass", "Parameters": {"count.$": "$count", "fixed.$": "$fixed", "sum.$": "States.MathAdd($count, 1)"}, "End": true}}}
        """, "{}")).hasOutput("{\"count\": 5, \"fixed\": \"x\", \"sum\": 6}");
  }

  @Test
  void choiceFollowsTheServiceTypeRules() {
    String choice = """
        {"StartAt": "C", "States": {"C": {"Type": "Choice", "Choices": [%s], "Default": "No"},
          "Yes": {"Type": "Pass", "Result": "yes", "End": true}, "No": {"Type": "Pass", "Result": "no", "End": true}}}
        """;
    assertThat(run(choice.formatted("{\"Variable\": \"$.cpu\", \"NumericGreaterThan\": 80, \"Next\": \"Yes\"}"), "{\"cpu\": \"95\"}"))
        .hasOutput("\"no\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.cpu\", \"NumericGreaterThan\": 80, \"Next\": \"Yes\"}"), "{\"cpu\": 95}"))
        .hasOutput("\"yes\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.tag\", \"IsNull\": false, \"Next\": \"Yes\"}"), "{\"tag\": \"prod\"}"))
        .hasOutput("\"yes\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.owner\", \"IsPresent\": false, \"Next\": \"Yes\"}"), "{\"id\": 1}"))
        .hasOutput("\"yes\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.name\", \"StringMatches\": \"web-?\", \"Next\": \"Yes\"}"), "{\"name\": \"web-1\"}"))
        .hasOutput("\"no\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.name\", \"StringMatches\": \"web-*\", \"Next\": \"Yes\"}"), "{\"name\": \"web-1\"}"))
        .hasOutput("\"yes\"");
    assertThat(run(choice.formatted("{\"And\": [{\"Variable\": \"$.a\", \"BooleanEquals\": true}, {\"Not\": {\"Variable\": \"$.t\","
        + " \"TimestampGreaterThanPath\": \"$.u\"}}], \"Next\": \"Yes\"}"),
        "{\"a\": true, \"t\": \"2024-01-01T00:00:00Z\", \"u\": \"2024-06-01T00:00:00Z\"}")).hasOutput("\"yes\"");
    assertThat(run(choice.formatted("{\"Variable\": \"$.missing\", \"StringEquals\": \"x\", \"Next\": \"Yes\"}"), "{}"))
        .failed().hasError("States.Runtime", "Invalid path '$.missing': The choice state's condition path references an invalid value.");
  }

  @Test
  void noMatchingRuleAndNoDefaultIsNoChoiceMatched() {
    assertThat(run("{\"StartAt\": \"C\", \"States\": {\"C\": {\"Type\": \"Choice\", \"Choices\": [{\"Variable\": \"$.a\","
        + " \"NumericEquals\": 1, \"Next\": \"D\"}]}, \"D\": {\"Type\": \"Succeed\"}}}", "{\"a\": 2}"))
        .failed().hasError("States.NoChoiceMatched");
  }

  @Test
  void waitUsesTheVirtualClock() {
    assertThat(run("{\"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"SecondsPath\": \"$.s\", \"Next\": \"T\"},"
        + " \"T\": {\"Type\": \"Wait\", \"Timestamp\": \"2025-01-01T01:00:00Z\", \"End\": true}}}", "{\"s\": 90}"))
        .succeeded().hasOutput("{\"s\": 90}").tookVirtualTime(Duration.ofHours(1));
  }

  @Test
  void failTakesItsErrorAndCauseFromPathsOrIntrinsics() {
    assertThat(run("{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Guard.Refused\","
        + " \"CausePath\": \"States.Format('instance {} is protected', $.id)\"}}}", "{\"id\": \"i-01\"}"))
        .failed().hasError("Guard.Refused", "instance i-01 is protected");
    assertThat(run("{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"ErrorPath\": \"$.e\", \"CausePath\": \"$.c\"}}}",
        "{\"e\": \"E\", \"c\": \"C\"}")).failed().hasError("E", "C");
    assertThat(run("{\"StartAt\": \"F\", \"States\": {\"F\": {\"Type\": \"Fail\", \"Error\": \"Guard.Refused\"}}}", "{}"))
        .failed().hasError("Guard.Refused", null);
  }

  private static final String SLOW_TASK = """
      {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync",
        "TimeoutSeconds": 300, "HeartbeatSeconds": 60,
        "Catch": [{"ErrorEquals": ["States.Timeout"], "Next": "Late"}], "End": true},
        "Late": {"Type": "Pass", "End": true}}}
      """;

  @Test
  void timeoutAndHeartbeatRunOnTheVirtualClock() {
    Execution timedOut = LocalExecutor.ofJson(SLOW_TASK)
        .mock("T", Mock.result("{}").taking(Duration.ofMinutes(10)).sendingHeartbeats()).run();
    assertThat(timedOut).succeeded().hasOutput("{\"Error\": \"States.Timeout\", \"Cause\": \"The task did not finish within its "
        + "TimeoutSeconds of 300\"}").tookVirtualTime(Duration.ofSeconds(300)).hasEvent("TaskTimedOut");
    assertThat(timedOut).state("T").failedWith("States.Timeout");

    Execution silent = LocalExecutor.ofJson(SLOW_TASK).mock("T", Mock.result("{}").taking(Duration.ofMinutes(2))).run();
    assertThat(silent).succeeded().tookVirtualTime(Duration.ofSeconds(60));
    assertThat(silent).state("T").failedWith("States.HeartbeatTimeout");

    assertThat(LocalExecutor.ofJson(SLOW_TASK).mock("T", Mock.result("{\"ok\": 1}").taking(Duration.ofSeconds(59))).run())
        .succeeded().hasOutput("{\"ok\": 1}").tookVirtualTime(Duration.ofSeconds(59));
  }

  @Test
  void retryBackoffIsCappedByMaxDelayAndJitterIsSeeded() {
    String definition = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Retry": [{"ErrorEquals": ["States.ALL"], "IntervalSeconds": 3, "BackoffRate": 3, "MaxAttempts": 4, "MaxDelaySeconds": 20}],
          "End": true}}}
        """;
    Execution execution = LocalExecutor.ofJson(definition).mock("T", Mock.error("Boom", "x")).run();
    // 3 + 9 + 20 (27 capped) + 20 (81 capped)
    assertThat(execution).failed().hasError("Boom", "x").tookVirtualTime(Duration.ofSeconds(52));
    assertThat(execution.visits("T")).hasSize(1);
    assertThat(execution.history().stream().filter(event -> event.type().equals("TaskScheduled")).count()).isEqualTo(5);

    String jittered = definition.replace("\"MaxDelaySeconds\": 20", "\"JitterStrategy\": \"FULL\"");
    Duration first = LocalExecutor.ofJson(jittered).mock("T", Mock.error("Boom", "x")).seed(42).run().elapsed();
    assertThat(LocalExecutor.ofJson(jittered).mock("T", Mock.error("Boom", "x")).seed(42).run().elapsed()).isEqualTo(first);
    assertThat(first).isLessThan(Duration.ofSeconds(3 + 9 + 27 + 81));
  }

  @Test
  void statesAllDoesNotCatchStatesRuntime() {
    assertThat(run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [{"StartAt": "X", "States": {"X": {"Type": "Pass",
          "InputPath": "$.missing", "End": true}}}], "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Succeed"}}}
        """, "{}")).failed().hasError("States.Runtime",
        "Invalid path '$.missing' : No results for path: $['InputPath'] in input '{}'");
  }

  @Test
  void resultPathIntoANonObjectIsResultPathMatchFailure() {
    assertThat(run("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": 1, \"ResultPath\": \"$.a\","
        + " \"End\": true}}}", "\"text\"")).failed().hasError("States.ResultPathMatchFailure");
  }

  @Test
  void aPayloadAbove256KiBIsDataLimitExceeded() {
    String big = "x".repeat(300_000);
    assertThat(LocalExecutor.ofJson("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": "
        + "\"arn:aws:states:::lambda:invoke\", \"Catch\": [{\"ErrorEquals\": [\"States.ALL\"], \"Next\": \"C\"}], \"End\": true},"
        + " \"C\": {\"Type\": \"Succeed\"}}}")
        .mock("T", Mock.result(JsonValues.NODES.textNode(big))).run())
        .failed().hasError("States.DataLimitExceeded",
            "The task result of state 'T' is 300002 bytes, larger than the maximum of 262144 bytes");
  }

  @Test
  void theStateMachineTimeoutEndsTheExecution() {
    assertThat(run("{\"TimeoutSeconds\": 30, \"StartAt\": \"W\", \"States\": {\"W\": {\"Type\": \"Wait\", \"Seconds\": 60,"
        + " \"End\": true}}}", "{}")).timedOut().hasError("States.Timeout").tookVirtualTime(Duration.ofSeconds(30));
  }

  @Test
  void aFailedBranchFailsTheParallelWithItsError() {
    Execution execution = run("""
        {"StartAt": "P", "States": {"P": {"Type": "Parallel", "Branches": [
          {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}},
          {"StartAt": "B", "States": {"B": {"Type": "Fail", "Error": "Branch.Broken", "Cause": "b"}}},
          {"StartAt": "C", "States": {"C": {"Type": "Pass", "End": true}}}],
          "Catch": [{"ErrorEquals": ["Branch.Broken"], "ResultPath": "$.error", "Next": "Caught"}], "End": true},
          "Caught": {"Type": "Pass", "End": true}}}
        """, "{}");
    assertThat(execution).succeeded().hasOutput("{\"error\": {\"Error\": \"Branch.Broken\", \"Cause\": \"b\"}}")
        .hasPath("P", "A", "B", "Caught").hasEvent("ParallelStateFailed");
  }

  @Test
  void aFailedIterationFailsTheInlineMap() {
    Execution execution = LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "ItemProcessor": {"StartAt": "T", "States": {"T": {"Type": "Task",
          "Resource": "arn:aws:states:::lambda:invoke", "End": true}}}, "End": true}}}
        """).mock("T", Mock.handler(call -> {
          if (call.input().asInt() == 2) {
            throw new TaskFailure("Item.Bad", "item 2");
          }
          return call.input();
        })).run("[1, 2, 3]");
    assertThat(execution).failed().hasError("Item.Bad", "item 2").hasEvent("MapIterationFailed").hasEvent("MapStateFailed");
    assertThat(execution.visits("T")).hasSize(2);
  }

  @Test
  void distributedMapReadsTestItemsBatchesThemAndToleratesFailures() {
    String definition = """
        {"StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "MaxItems": 5},
            "Parameters": {"Bucket": "b", "Key": "k"}},
          "ItemBatcher": {"MaxItemsPerBatch": 2, "BatchInput": {"run.$": "$.run"}},
          "ToleratedFailureCount": 1,
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "STANDARD"},
            "StartAt": "Sum", "States": {"Sum": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "End": true}}},
          "End": true}}}
        """;
    LocalExecutor executor = LocalExecutor.ofJson(definition)
        .items("M", "[1, 2, 3, 4, 5, 6]")
        .mock("Sum", Mock.handler(call -> {
          if (call.input().get("Items").get(0).asInt() == 3) {
            throw new TaskFailure("Sum.Failed", "batch 2");
          }
          return JsonValues.object().put("run", call.input().get("BatchInput").get("run").asText())
              .put("size", call.input().get("Items").size());
        }));
    Execution execution = executor.run("{\"run\": \"r1\"}");
    assertThat(execution).succeeded().hasOutput("[{\"run\": \"r1\", \"size\": 2}, {\"Error\": \"Sum.Failed\", \"Cause\": \"batch 2\"},"
        + " {\"run\": \"r1\", \"size\": 1}]").hasEvent("MapRunStarted").hasEvent("MapRunSucceeded");

    Execution tooMany = LocalExecutor.ofJson(definition.replace("\"ToleratedFailureCount\": 1", "\"ToleratedFailureCount\": 0"))
        .items("M", "[3, 3]").mock("Sum", Mock.error("Sum.Failed", "x")).run("{\"run\": \"r\"}");
    assertThat(tooMany).failed().hasError("States.ExceedToleratedFailureThreshold");

    assertThat(LocalExecutor.ofJson(definition).mock("Sum", Mock.echo()).run("{}")).failed().hasError("States.ItemReaderFailed",
        "The ItemReader of Map state 'M' reads s3://b/k, which the test does not give; add it with "
            + ".s3Object(\"b\", \"k\", content), or mock the items with .items(\"M\", \"[...]\")");
  }

  @Test
  void historyUsesTheServiceEventNames() {
    Execution execution = LocalExecutor.ofJson("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": "
        + "\"arn:aws:states:::sns:publish\", \"Next\": \"W\"}, \"W\": {\"Type\": \"Wait\", \"Seconds\": 5, \"End\": true}}}")
        .mock("T", Mock.result("{\"MessageId\": \"m\"}")).run();
    List<String> types = execution.history().stream().map(HistoryEvent::type).toList();
    assertThat(types).containsExactly("ExecutionStarted", "TaskStateEntered", "TaskScheduled", "TaskStarted", "TaskSucceeded",
        "TaskStateExited", "WaitStateEntered", "WaitStateExited", "ExecutionSucceeded");
    assertThat(execution.history().get(7).timestamp()).hasToString("2025-01-01T00:00:05Z");
  }

  @Test
  void waitForTaskTokenGivesTheMockAToken() {
    Execution execution = LocalExecutor.ofJson("{\"StartAt\": \"T\", \"States\": {\"T\": {\"Type\": \"Task\", \"Resource\": "
        + "\"arn:aws:states:::sqs:sendMessage.waitForTaskToken\", \"Parameters\": {\"MessageBody\": {\"token.$\": \"$$.Task.Token\"}},"
        + " \"End\": true}}}")
        .mockResource("arn:aws:states:::sqs:sendMessage", Mock.handler(call -> JsonValues.object()
            .put("sameToken", call.taskToken().equals(call.input().get("MessageBody").get("token").asText()))))
        .run();
    assertThat(execution).succeeded().hasOutput("{\"sameToken\": true}");
  }
}
