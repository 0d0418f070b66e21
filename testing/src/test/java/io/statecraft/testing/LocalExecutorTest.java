package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalExecutorTest {

  private static final String ORDER = """
      {
        "StartAt": "Charge",
        "States": {
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Parameters": {"FunctionName": "charge", "Payload": {"amount.$": "$.amount"}},
            "ResultSelector": {"charged.$": "$.Payload.charged"},
            "ResultPath": "$.charge",
            "Retry": [{"ErrorEquals": ["Lambda.TooManyRequestsException"], "IntervalSeconds": 2, "MaxAttempts": 2}],
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Refund"}],
            "Next": "Big?"
          },
          "Big?": {
            "Type": "Choice",
            "Choices": [{"Variable": "$.amount", "NumericGreaterThan": 100, "Next": "Review"}],
            "Default": "Done"
          },
          "Review": {"Type": "Wait", "Seconds": 60, "Next": "Done"},
          "Refund": {"Type": "Pass", "Result": "refunded", "ResultPath": "$.refund", "Next": "Done"},
          "Done": {"Type": "Succeed"}
        }
      }
      """;

  @Test
  void aTaskIsAnsweredByItsMockAndTheResultIsProcessed() {
    Execution execution = LocalExecutor.ofJson(ORDER)
        .mock("Charge", Mock.lambda(payload -> JsonValues.object().put("charged", payload.get("amount").asInt())))
        .run("{\"amount\": 150}");

    assertThat(execution).succeeded()
        .hasOutput("{\"amount\": 150, \"charge\": {\"charged\": 150}}")
        .hasPath("Charge", "Big?", "Review", "Done")
        .tookVirtualTime(Duration.ofSeconds(60));
    assertThat(execution).state("Charge").hasInput("{\"amount\": 150}");
  }

  @Test
  void retriesWaitOnTheVirtualClockThenTheCatcherTakesOver() {
    Execution execution = LocalExecutor.ofJson(ORDER)
        .mock("Charge", Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"))
        .run("{\"amount\": 5}");

    assertThat(execution).succeeded()
        .hasOutput("{\"amount\": 5, \"error\": {\"Error\": \"Lambda.TooManyRequestsException\", \"Cause\": \"Rate exceeded\"},"
            + " \"refund\": \"refunded\"}")
        .passedThrough("Refund")
        .didNotPassThrough("Review")
        .tookVirtualTime(Duration.ofSeconds(2 + 4));
    assertThat(execution.history().stream().filter(event -> event.type().equals("TaskFailed")).count()).isEqualTo(3);
  }

  @Test
  void aMockPerAttemptAnswersThatCallOnly() {
    Execution execution = LocalExecutor.ofJson(ORDER)
        .mock("Charge", 1, Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"))
        .mock("Charge", Mock.result("{\"Payload\": {\"charged\": 5}}"))
        .run("{\"amount\": 5}");

    assertThat(execution).succeeded().hasOutput("{\"amount\": 5, \"charge\": {\"charged\": 5}}")
        .tookVirtualTime(Duration.ofSeconds(2));
  }

  @Test
  void anUnmockedTaskFailsTheRunNamingStateAndResource() {
    Execution execution = LocalExecutor.ofJson(ORDER).run("{\"amount\": 5}");

    assertThat(execution).failed().hasError("States.Runtime", "No mock for Task state 'Charge' (resource "
        + "arn:aws:states:::lambda:invoke); mock it by state name or by resource, e.g. .mock(\"Charge\", Mock.result(\"{}\"))");
  }

  @Test
  void jsonataStatesUseArgumentsOutputAndVariables() {
    String definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Lookup",
          "States": {
            "Lookup": {
              "Type": "Task",
              "Resource": "arn:aws:states:::dynamodb:getItem",
              "Arguments": {"TableName": "users", "Key": {"id": {"S": "{% $states.input.userId %}"}}},
              "Assign": {"name": "{% $states.result.Item.name.S %}"},
              "Output": "{% $states.input %}",
              "Next": "Greet"
            },
            "Greet": {
              "Type": "Pass",
              "Output": {"greeting": "{% 'Hello, ' & $name %}"},
              "End": true
            }
          }
        }
        """;
    Execution execution = LocalExecutor.ofJson(definition)
        .mockResource("arn:aws:states:::dynamodb:getItem", Mock.of(arguments -> JsonValues.parse(
            "{\"Item\": {\"name\": {\"S\": \"Ada\"}, \"table\": {\"S\": \"" + arguments.get("TableName").asText()
            + "\"}}}", "x")))
        .run("{\"userId\": \"u1\"}");

    assertThat(execution).succeeded().hasOutput("{\"greeting\": \"Hello, Ada\"}");
    assertThat(execution).state("Lookup").hasOutput("{\"userId\": \"u1\"}");
  }

  @Test
  void mapAndParallelKeepTheOrderOfResults() {
    String definition = """
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "ItemsPath": "$.ids",
              "MaxConcurrency": 2,
              "ItemSelector": {"id.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
              "ItemProcessor": {
                "StartAt": "Hold",
                "States": {"Hold": {"Type": "Wait", "Seconds": 10, "Next": "Echo"}, "Echo": {"Type": "Pass", "End": true}}
              },
              "ResultPath": "$.items",
              "Next": "Both"
            },
            "Both": {
              "Type": "Parallel",
              "Branches": [
                {"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": "a", "End": true}}},
                {"StartAt": "B", "States": {"B": {"Type": "Wait", "Seconds": 5, "Next": "B2"}, "B2": {"Type": "Pass", "Result": "b", "End": true}}}
              ],
              "ResultPath": "$.both",
              "End": true
            }
          }
        }
        """;
    Execution execution = LocalExecutor.ofJson(definition).run("{\"ids\": [\"x\", \"y\", \"z\"]}");

    assertThat(execution).succeeded().hasOutput("{\"ids\": [\"x\", \"y\", \"z\"], \"items\": [{\"id\": \"x\", \"index\": 0},"
        + " {\"id\": \"y\", \"index\": 1}, {\"id\": \"z\", \"index\": 2}], \"both\": [\"a\", \"b\"]}")
        // three items of 10 s, two at a time: 20 s; then the longer branch: 5 s
        .tookVirtualTime(Duration.ofSeconds(25));
  }

  @Test
  void aDslStateMachineRunsWithItsPlaceholdersSubstituted() {
    Task notify = Task.named("Notify").resource("arn:aws:states:::sns:publish");
    Choice format = Choice.named("Format?");
    Pass slack = Pass.named("Slack");
    Succeed done = Succeed.named("Done");
    format.when(Condition.stringEquals(Path.of("$.format"), "slack"), slack).otherwise(done);
    slack.next(notify);
    notify.next(done);
    StateMachine machine = StateMachine.startWith(Pass.named("Config")
        .result(io.statecraft.dsl.Json.object().put("format", Placeholder.string("WebhookFormat")).build()))
        ;
    ((Pass) machine.start()).next(format);

    Execution execution = LocalExecutor.of(machine)
        .substitution("WebhookFormat", "slack")
        .mock("Notify", Mock.result("{\"MessageId\": \"m-1\"}"))
        .run();

    assertThat(execution).succeeded().passedThrough("Slack", "Notify").hasOutput("{\"MessageId\": \"m-1\"}");
  }

  @Test
  void aPlaceholderWithoutValueIsAnErrorNamingIt() {
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Result\": \"${Topic} ${Format}\","
        + " \"End\": true}}}";

    assertThatThrownBy(() -> LocalExecutor.ofJson(definition).substitution("Format", "x").run())
        .isInstanceOf(DefinitionException.class)
        .hasMessage("The definition has placeholders without values: Topic:\n"
            + "  ${Topic} has no value; give it with .substitution(\"Topic\", \"...\")");
  }

  @Test
  void coverageListsWhatWasNotExercised() {
    Execution big = LocalExecutor.ofJson(ORDER).mock("Charge", Mock.result("{\"Payload\": {\"charged\": 1}}"))
        .run("{\"amount\": 500}");

    Coverage coverage = Coverage.of(big);

    assertThat(coverage.missed()).extracting(CoverageItem::toString).containsExactly(
        "Charge Retry[0] [Lambda.TooManyRequestsException]",
        "Charge Catch[0] [States.ALL] -> Refund",
        "Big? Default -> Done",
        "state Refund");
    assertThatThrownBy(() -> assertThat(coverage).isComplete())
        .hasMessageContaining("4 item(s) were not exercised");
    List<Execution> all = List.of(big,
        LocalExecutor.ofJson(ORDER).mock("Charge", Mock.sequence(Mock.error("Lambda.TooManyRequestsException", "x"),
            Mock.result("{\"Payload\": {\"charged\": 1}}"))).run("{\"amount\": 1}"),
        LocalExecutor.ofJson(ORDER).mock("Charge", Mock.error("Boom", "x")).run("{\"amount\": 1}"));
    assertThat(Coverage.of(all)).isComplete();
  }
}
