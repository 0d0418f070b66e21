package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The testing kit's assertions: retries counted per entry and per retrier, expectations as text blocks or maps. */
class AssertionsTest {

  private static final String CHARGE = """
      {
        "StartAt": "Charge",
        "States": {
          "Charge": {
            "Type": "Task",
            "Resource": "arn:aws:states:::lambda:invoke",
            "Retry": [
              {"ErrorEquals": ["Lambda.TooManyRequestsException"], "MaxAttempts": 3},
              {"ErrorEquals": ["States.ALL"], "MaxAttempts": 1}
            ],
            "End": true
          }
        }
      }
      """;

  /** Throttled twice, then a service error once, then an answer: 4 attempts, retries [2, 1]. */
  private static Execution charged() {
    return LocalExecutor.ofJson(CHARGE)
        .mock("Charge", Mock.sequence(
            Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"),
            Mock.error("Lambda.TooManyRequestsException", "Rate exceeded"),
            Mock.error("Lambda.ServiceException", "try again"),
            Mock.result("{\"Payload\": {\"charged\": true}}")))
        .run(Map.of("amount", 5));
  }

  @Test
  void attemptsCountTheRunsOfOneEntryAndEachRetriersRetries() {
    Execution execution = charged();

    assertThat(execution).state("Charge").attempts(4).retriedBy(0, 2).retriedBy(1, 1);
    org.assertj.core.api.Assertions.assertThat(execution.visits("Charge")).hasSize(1);
  }

  @Test
  void aWrongAttemptCountSaysHowOftenEachRetrierRetried() {
    assertThatThrownBy(() -> assertThat(charged()).state("Charge").attempts(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected state Charge to be attempted 3 times, but it was attempted 4 times (retries by retrier: "
            + "[2, 1])");
    assertThatThrownBy(() -> assertThat(charged()).state("Charge").retriedBy(1, 2))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected retrier 1 of state Charge to retry it 2 times, but it retried it 1 time (retries by "
            + "retrier: [2, 1])");
    assertThatThrownBy(() -> assertThat(charged()).state("Charge").retriedBy(2, 1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected retrier 2 of state Charge to retry it 1 time, but the state has 2 retriers (0 to 1)");
  }

  @Test
  void aStateWithoutRetriersRunsOnce() {
    Execution execution = LocalExecutor.ofJson("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"End\": true}}}")
        .run();

    assertThat(execution).state("P").attempts(1);
    assertThatThrownBy(() -> assertThat(execution).state("P").retriedBy(0, 0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected retrier 0 of state P to retry it 0 times, but the state has no retriers");
  }

  @Test
  void expectationsAreTextBlocksOrMaps() {
    Execution execution = charged();

    assertThat(execution).succeeded().hasOutput("""
        {
          "Payload": {"charged": true}
        }
        """);
    assertThat(execution).hasOutput(Map.of("Payload", Map.of("charged", true)));
    assertThat(execution).state("Charge").hasInput(Map.of("amount", 5)).hasOutput(Map.of("Payload", Map.of("charged", true)));
    assertThatThrownBy(() -> assertThat(execution).hasOutput(Map.of("Payload", List.of(1.0))))
        .isInstanceOf(AssertionError.class)
        .hasMessage("Expected the output\n  {\"Payload\":[1.0]}\nbut it was\n  {\"Payload\":{\"charged\":true}}");
  }
}
