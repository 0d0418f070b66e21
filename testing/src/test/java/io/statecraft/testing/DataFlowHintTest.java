package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A run that fails where lint's data-flow check warned points at the warning. */
class DataFlowHintTest {

  // Shrink replaces the input with {"count": 2}; Read then asks for a field that is gone, which
  // Step Functions fails with States.Runtime and lint reports as FIELD_NOT_IN_INPUT.
  private static final String DROPPED_FIELD = """
      {"StartAt": "Shrink", "States": {
        "Shrink": {"Type": "Pass", "Parameters": {"count": 2}, "ResultPath": "$", "Next": "Read"},
        "Read": {"Type": "Pass", "Parameters": {"ids.$": "$.ids"}, "End": true}}}
      """;

  @Test
  void aFailureInAStateLintWarnedAboutNamesTheWarning() {
    Execution execution = LocalExecutor.ofJson(DROPPED_FIELD).run("{\"ids\": [\"i-1\"]}");

    assertThatThrownBy(() -> assertThat(execution).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessage(String.join(System.lineSeparator(),
            "Expected the execution to succeed, but it FAILED with error States.Runtime (cause: The JSONPath '$.ids'"
                + " specified for the field 'ids.$' could not be found in the input '{\"count\":2}')",
            "Path: [Shrink, Read]",
            "Lint warned about this state: WARNING FIELD_NOT_IN_INPUT /States/Read/Parameters/ids.$: '$.ids' reads ids,"
                + " which the input of Read cannot have: ResultPath '$' of Shrink replaced the input; it has only count"));
  }

  @Test
  void aFailureElsewhereGetsNoHint() {
    Execution execution = LocalExecutor.ofJson("""
        {"StartAt": "Read", "States": {"Read": {"Type": "Pass", "Parameters": {"ids.$": "$.ids"}, "End": true}}}
        """).run("{}");

    assertThatThrownBy(() -> assertThat(execution).succeeded())
        .isInstanceOf(AssertionError.class)
        .hasMessageNotContaining("Lint warned");
  }
}
