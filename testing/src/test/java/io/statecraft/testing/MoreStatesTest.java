package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Field forms not covered elsewhere: Choice Assign, JSONata Wait and Parallel, ResultWriter. */
class MoreStatesTest {

  @Test
  void aMatchingChoiceRuleAssignsItsVariables() {
    assertThat(LocalExecutor.ofJson("""
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.n", "NumericGreaterThan": 1, "Assign": {"size": "big"}, "Next": "Show"}],
                "Default": "Show", "Assign": {"size": "small"}},
          "Show": {"Type": "Pass", "Parameters": {"size.$": "$size"}, "End": true}}}
        """).run("{\"n\": 5}")).hasOutput("{\"size\": \"big\"}");
  }

  @Test
  void jsonataWaitAndParallelUseExpressions() {
    Execution execution = LocalExecutor.ofJson("""
        {"QueryLanguage": "JSONata", "StartAt": "W", "States": {
          "W": {"Type": "Wait", "Seconds": "{% $states.input.delay * 2 %}", "Next": "P"},
          "P": {"Type": "Parallel", "Arguments": {"x": "{% $states.input.delay %}"},
                "Branches": [{"StartAt": "A", "States": {"A": {"Type": "Pass", "Output": "{% $states.input.x + 1 %}", "End": true}}}],
                "Output": {"sum": "{% $sum($states.result) %}"}, "End": true}}}
        """).run("{\"delay\": 30}");
    assertThat(execution).succeeded().hasOutput("{\"sum\": 31}").tookVirtualTime(Duration.ofSeconds(60));
  }

  @Test
  void inlineMapIterationsDoNotLeakVariables() {
    assertThat(LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "ItemProcessor": {"StartAt": "Set", "States": {
                  "Set": {"Type": "Pass", "Assign": {"inner.$": "$"}, "Next": "Read"},
                  "Read": {"Type": "Pass", "Parameters": {"seen.$": "$inner"}, "End": true}}},
                "Assign": {"count.$": "States.ArrayLength($)"}, "Next": "After"},
          "After": {"Type": "Pass", "Parameters": {"count.$": "$count", "all.$": "$"}, "End": true}}}
        """).run("[1, 2]")).succeeded().hasOutput("{\"count\": 2, \"all\": [{\"seen\": 1}, {\"seen\": 2}]}");
  }

  @Test
  void anIterationVariableIsNotVisibleAfterTheMap() {
    // The data-flow check finds this before anything runs.
    assertThatThrownBy(() -> LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {
          "M": {"Type": "Map", "ItemProcessor": {"StartAt": "Set", "States": {
                  "Set": {"Type": "Pass", "Assign": {"inner.$": "$"}, "End": true}}}, "Next": "After"},
          "After": {"Type": "Pass", "Parameters": {"inner.$": "$inner"}, "End": true}}}
        """).run("[1]")).isInstanceOf(DefinitionException.class).hasMessageContaining("ERROR VARIABLE_OUT_OF_SCOPE "
        + "/States/After/Parameters/inner.$: $inner is assigned only in the iterations of Map state 'M', which After "
        + "cannot see");
  }

  @Test
  void aVariableNotAssignedIsARuntimeError() {
    // Assigned on one path only (a data-flow warning, not an error), and read on the other.
    assertThat(LocalExecutor.ofJson("""
        {"StartAt": "C", "States": {
          "C": {"Type": "Choice", "Choices": [{"Variable": "$.set", "IsPresent": true, "Next": "S"}], "Default": "P"},
          "S": {"Type": "Pass", "Assign": {"missing": 1}, "Next": "P"},
          "P": {"Type": "Pass", "Parameters": {"v.$": "$missing"}, "End": true}}}
        """).run()).failed().hasError("States.Runtime",
        "The variable '$missing' used in '$missing' is not defined; assign it in an earlier state with Assign");
  }

  @Test
  void aDistributedMapWithAResultWriterReturnsItsManifestLocation() {
    assertThat(LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {"M": {"Type": "Map",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "runs"}},
          "End": true}}}
        """).run("[1, 2, 3]")).succeeded().hasOutput("{\"MapRunArn\": "
        + "\"arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/M:run-1\", \"ResultWriterDetails\": "
        + "{\"Bucket\": \"results\", \"Key\": \"runs/run-1/manifest.json\"}}");
  }

  @Test
  void theMapRunArnCarriesTheMapsLabel() {
    Execution execution = LocalExecutor.ofJson("""
        {"StartAt": "M", "States": {"M": {"Type": "Map", "Label": "rows",
          "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
            "StartAt": "P", "States": {"P": {"Type": "Pass", "End": true}}},
          "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject", "Parameters": {"Bucket": "results", "Prefix": "runs"}},
          "End": true}}}
        """).run("[1, 2, 3]");

    assertThat(execution).succeeded().hasOutput("""
        {
          "MapRunArn": "arn:aws:states:us-east-1:123456789012:mapRun:StateMachine/rows:run-1",
          "ResultWriterDetails": {"Bucket": "results", "Key": "runs/run-1/manifest.json"}
        }
        """);
  }
}
