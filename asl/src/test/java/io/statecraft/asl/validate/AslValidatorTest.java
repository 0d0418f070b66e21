package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static io.statecraft.asl.validate.Validation.tree;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.asl.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What holds for the whole report: order, source locations, size, and clean definitions. */
final class AslValidatorTest {

  @Test
  void problemsNameTheJavaLineOfTheDeepestStateThatHoldsThem() {
    Map<String, SourceLocation> sources = Map.of(
        "Each", new SourceLocation("com/acme/Orders.java", 20),
        "Charge", new SourceLocation("com/acme/Orders.java", 31));
    List<Problem> problems = AslValidator.validate(tree("""
        {
          "StartAt": "Each",
          "TimeoutSeconds": 0,
          "States": {
            "Each": {
              "Type": "Map",
              "MaxConcurrency": -1,
              "ItemProcessor": {
                "StartAt": "Charge",
                "States": {
                  "Charge": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 0, "End": true}
                }
              },
              "End": true
            }
          }
        }
        """), ValidationOptions.defaults().withStateSources(sources::get));
    assertThat(problems).extracting(Problem::describe).containsExactly(
        "ERROR VALUE_OUT_OF_RANGE /States/Each/ItemProcessor/States/Charge/TimeoutSeconds: TimeoutSeconds must be an "
            + "integer from 1 to 99999999, got 0 (com/acme/Orders.java:31)",
        "ERROR VALUE_OUT_OF_RANGE /States/Each/MaxConcurrency: MaxConcurrency must be an integer of at least 0, "
            + "got -1 (com/acme/Orders.java:20)",
        "ERROR VALUE_OUT_OF_RANGE /TimeoutSeconds: TimeoutSeconds must be an integer from 1 to 99999999, got 0");
  }

  @Test
  void everyProblemIsCollectedAndSortedByPointerThenCode() {
    List<String> report = problems("""
        {
          "StartAt": "B",
          "States": {
            "B": {"Type": "Pass", "Resut": 1, "Next": "Missing"},
            "A": {"Type": "Succeed", "Next": "B"}
          }
        }
        """);
    assertThat(report).containsExactly(
        "ERROR UNREACHABLE_STATE /States/A: state 'A' is never reached from StartAt 'B' of the top level; add a "
            + "transition to it or remove it",
        "ERROR FIELD_NOT_ALLOWED /States/A/Next: Succeed states do not support Next; remove it (a Succeed state ends "
            + "the execution by itself)",
        "ERROR MISSING_TRANSITION_TARGET /States/B/Next: Next names 'Missing', but the top level has no state of that "
            + "name (names are case-sensitive)",
        "ERROR UNKNOWN_FIELD /States/B/Resut: Resut is not a field of a Pass state; did you mean Result? "
            + "(the service rejects fields it does not know)");
  }

  @Test
  void aDefinitionOverTheServiceLimitIsTooLarge() {
    ObjectNode definition = (ObjectNode) tree("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
        """);
    ((ObjectNode) definition.get("States").get("A")).putObject("Result").put("blob", "x".repeat(1_048_576));
    assertThat(AslValidator.validate(definition)).extracting(Problem::describe).containsExactly(
        "ERROR DEFINITION_TOO_LARGE /: the definition is 1048654 bytes as JSON; the service accepts at most 1048576 "
            + "bytes, so move large literals into the input or a child state machine");
  }

  @Test
  void aSizeBoundWithinTheLimitSparesTheMeasureAndOneOverItIsMeasured() {
    ObjectNode small = (ObjectNode) tree("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
        """);
    // A bound over the limit is only a bound: the definition is measured, and a small one passes.
    assertThat(AslValidator.validate(small, ValidationOptions.defaults().withSizeAtMost(5_000_000))).isEmpty();
    ObjectNode large = (ObjectNode) tree("""
        {"StartAt": "A", "States": {"A": {"Type": "Pass", "End": true}}}
        """);
    ((ObjectNode) large.get("States").get("A")).putObject("Result").put("blob", "x".repeat(1_048_576));
    assertThat(AslValidator.validate(large, ValidationOptions.defaults().withSizeAtMost(5_000_000)))
        .extracting(Problem::code).containsExactly("DEFINITION_TOO_LARGE");
    // A bound within the limit is the caller's word that the definition is no larger: not measured.
    assertThat(AslValidator.validate(large, ValidationOptions.defaults().withSizeAtMost(1_000))).isEmpty();
  }

  @Test
  void aJsonPathDefinitionWithContextVariablesAndIntrinsicsIsClean() {
    assertThat(problems("""
        {
          "Comment": "Notify each team",
          "Version": "1.0",
          "TimeoutSeconds": 3600,
          "StartAt": "Describe",
          "States": {
            "Describe": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:ec2:describeInstances",
              "Parameters": {"Filters": [{"Name": "instance-state-name", "Values": ["running"]}]},
              "ResultSelector": {"ids.$": "$.Reservations[*].Instances[*].InstanceId"},
              "ResultPath": "$.instances",
              "Assign": {"startedBy.$": "$$.Execution.Id"},
              "Retry": [{"ErrorEquals": ["Ec2.ThrottlingException"], "IntervalSeconds": 2, "MaxAttempts": 3,
                         "BackoffRate": 2.0, "MaxDelaySeconds": 30, "JitterStrategy": "FULL"},
                        {"ErrorEquals": ["States.ALL"]}],
              "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Failed"}],
              "Next": "Any instances"
            },
            "Any instances": {
              "Type": "Choice",
              "Choices": [{"And": [{"Variable": "$.instances.ids[0]", "IsPresent": true},
                                   {"Not": {"Variable": "$startedBy", "StringMatches": "*test*"}}],
                           "Next": "Wait a bit"}],
              "Default": "Done"
            },
            "Wait a bit": {"Type": "Wait", "Seconds": 0, "Next": "Notify"},
            "Notify": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sns:publish",
              "Parameters": {
                "TopicArn": "${TopicArn}",
                "Message.$": "States.Format('{} instances: {}', States.ArrayLength($.instances.ids), States.JsonToString($.instances.ids))"
              },
              "TimeoutSeconds": 60,
              "HeartbeatSeconds": 30,
              "End": true
            },
            "Done": {"Type": "Succeed", "OutputPath": null},
            "Failed": {"Type": "Fail", "ErrorPath": "$.error.Error", "CausePath": "States.Format('failed: {}', $.error.Cause)"}
          }
        }
        """)).isEmpty();
  }

  @Test
  void aDistributedMapIsClean() {
    assertThat(problems("""
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "Label": "Each",
              "ItemReader": {"Resource": "arn:aws:states:::s3:getObject",
                             "ReaderConfig": {"InputType": "CSV", "CSVHeaderLocation": "FIRST_ROW", "MaxItemsPath": "$.max"},
                             "Parameters": {"Bucket.$": "$.bucket", "Key": "items.csv"}},
              "ItemBatcher": {"MaxItemsPerBatch": 10, "BatchInput": {"run.$": "$$.Execution.Name"}},
              "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "out", "Prefix": "r"}},
              "ToleratedFailurePercentage": 5.5,
              "MaxConcurrency": 100,
              "ItemSelector": {"item.$": "$$.Map.Item.Value", "index.$": "$$.Map.Item.Index"},
              "ItemProcessor": {
                "ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                "StartAt": "Work",
                "States": {"Work": {"Type": "Pass", "End": true}}
              },
              "End": true
            }
          }
        }
        """)).isEmpty();
  }
}
