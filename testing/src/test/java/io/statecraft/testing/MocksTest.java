package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mocks: Java handlers for Lambda and HTTP tasks, the mocks file, error matching, placeholders. */
class MocksTest {

  private static final String LAMBDA = """
      {"StartAt": "Invoke", "States": {
        "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
          "Parameters": {"FunctionName": "greet", "Payload": {"name.$": "$.name"}}, "OutputPath": "$.Payload", "Next": "Direct"},
        "Direct": {"Type": "Task", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:shout", "Next": "Call"},
        "Call": {"Type": "Task", "Resource": "arn:aws:states:::http:invoke",
          "Parameters": {"ApiEndpoint": "https://example.com/hook", "Method": "POST", "RequestBody.$": "$"},
          "ResultSelector": {"status.$": "$.StatusCode", "body.$": "$.ResponseBody"}, "End": true}}}
      """;

  @Test
  void lambdaAndHttpTasksRunJavaHandlers() {
    Execution execution = LocalExecutor.ofJson(LAMBDA)
        .mock("Invoke", Mock.lambda(payload -> JsonValues.object().put("greeting", "hello " + payload.get("name").asText())))
        .mock("Direct", Mock.lambda(input -> JsonValues.object().put("greeting", input.get("greeting").asText().toUpperCase())))
        .mock("Call", Mock.http(request -> JsonValues.object().put("echo", request.get("RequestBody").get("greeting").asText())))
        .run("{\"name\": \"ada\"}");

    assertThat(execution).succeeded().hasOutput("{\"status\": 200, \"body\": {\"echo\": \"HELLO ADA\"}}");
    assertThat(execution).state("Invoke").hasOutput("{\"greeting\": \"hello ada\"}");
  }

  @Test
  void aJavaExceptionFailsTheTaskWithItsClassName() {
    Execution execution = LocalExecutor.ofJson(LAMBDA)
        .mock("Invoke", Mock.lambda(payload -> {
          throw new IllegalStateException("no greeting today");
        }))
        .run("{\"name\": \"ada\"}");

    assertThat(execution).failed().hasError("java.lang.IllegalStateException", "no greeting today");
  }

  @Test
  void theMocksFileGivesResultsSequencesErrorsDurationsAndItems() {
    MockFile file = MockFile.parse("""
        {"Invoke": {"$sequence": [{"$error": "Lambda.TooManyRequestsException", "$cause": "slow down"},
                                  {"$result": {"Payload": {"greeting": "hi"}}, "$seconds": 2}]},
         "arn:aws:lambda:us-east-1:123456789012:function:shout": {"$merge": {"shouted": true}},
         "Call": {"$echo": true}}
        """, "mocks.json");
    String definition = LAMBDA.replace("\"OutputPath\": \"$.Payload\",",
        "\"OutputPath\": \"$.Payload\", \"Retry\": [{\"ErrorEquals\": [\"Lambda.TooManyRequestsException\"], \"IntervalSeconds\": 5}],")
        .replace("\"ResultSelector\": {\"status.$\": \"$.StatusCode\", \"body.$\": \"$.ResponseBody\"}, ", "");

    Execution execution = LocalExecutor.ofJson(definition).mocks(file).run("{\"name\": \"ada\"}");

    assertThat(execution).succeeded()
        .hasOutput("{\"ApiEndpoint\": \"https://example.com/hook\", \"Method\": \"POST\","
            + " \"RequestBody\": {\"greeting\": \"hi\", \"shouted\": true}}")
        .tookVirtualTime(Duration.ofSeconds(7));
  }

  @Test
  void aBadMocksFileNamesEveryProblem() {
    assertThatThrownBy(() -> MockFile.parse("{\"A\": {\"$sequence\": 1}, \"B\": {\"$seconds\": 1}, \"$items\": {\"M\": 3}}", "m.json"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("m.json: A: \"$sequence\" must be a non-empty array of mocks; B: an object with $ keys must have one "
            + "of $result, $error, $sequence, $echo, $merge; got {\"$seconds\":1}; \"$items\".M must be an array of items, got number");
  }

  @Test
  void statesTaskFailedDoesNotMatchTimeouts() {
    String definition = """
        {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::ecs:runTask.sync", "TimeoutSeconds": 5,
          "Catch": [{"ErrorEquals": ["States.TaskFailed"], "Next": "Failed"}, {"ErrorEquals": ["States.ALL"], "Next": "Other"}],
          "End": true}, "Failed": {"Type": "Pass", "Result": "failed", "End": true}, "Other": {"Type": "Pass", "Result": "other", "End": true}}}
        """;
    assertThat(LocalExecutor.ofJson(definition).mock("T", Mock.result("{}").taking(Duration.ofSeconds(6))).run())
        .hasOutput("\"other\"");
    assertThat(LocalExecutor.ofJson(definition).mock("T", Mock.error("ECS.AmazonECSException", "x")).run()).hasOutput("\"failed\"");
  }

  @Test
  void aNumberPlaceholderBecomesANumberAsInCloudFormation() {
    String definition = """
        {"StartAt": "P", "States": {"P": {"Type": "Pass",
          "Parameters": {"max.$": "States.StringToJson('${MaxInstances}')", "text": "${MaxInstances}", "literal": "${!Name}"},
          "End": true}}}
        """;
    assertThat(LocalExecutor.ofJson(definition).substitution("MaxInstances", "50").run())
        .hasOutput("{\"max\": 50, \"text\": \"50\", \"literal\": \"${Name}\"}");
  }

  @Test
  void anInvalidDefinitionListsEveryError() {
    assertThatThrownBy(() -> LocalExecutor.ofJson("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", \"Next\": \"B\"}}}").run())
        .isInstanceOf(DefinitionException.class)
        .hasMessage("The definition given as text is not valid, so it cannot run:\n"
            + "  ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a path "
            + "with a Succeed or Fail state or \"End\": true\n"
            + "  ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names 'B', but the top level has no state of that name "
            + "(names are case-sensitive)");
  }
}
