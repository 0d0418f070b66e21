package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The {@code run} reproducers of issue 15: each ends in the documented failure ({@code
 * States.Runtime} or {@code States.QueryEvaluationError}), in bounded time, never an exception.
 */
final class RobustRunTest {

  private static Execution pass(String field) {
    return LocalExecutor.ofJson("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Pass\", " + field
        + ", \"End\": true}}}").run("{\"a\": []}");
  }

  @Test
  void aPathFunctionOverAnEmptyArrayIsARuntimeError() {
    assertThat(pass("\"Parameters\": {\"x.$\": \"$.a.min()\"}")).failed().hasError("States.Runtime",
        "The JSONPath '$.a.min()' could not be evaluated: Aggregation function attempted to calculate value using "
            + "empty array");
  }

  @Test
  void anIntrinsicPastItsNumbersIsARuntimeError() {
    assertThat(pass("\"Parameters\": {\"x.$\": \"States.MathAdd(1.5e400, 1)\"}")).failed().hasError("States.Runtime",
        "The function States.MathAdd cannot compute with its arguments: Overflow");
  }

  @Test
  void jsonataRecursionStopsAsAQueryEvaluationError() {
    Execution execution = LocalExecutor.ofJson("{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"A\", \"States\": "
        + "{\"A\": {\"Type\": \"Pass\", \"Output\": \"{% ($f := function($n){ $n <= 0 ? 0 : 1 + $f($n - 1) }; "
        + "$f(100000)) %}\", \"End\": true}}}").run("{}");
    assertThat(execution).failed();
    assertThat(execution.error()).isEqualTo("States.QueryEvaluationError");
  }

  @Test
  void retriesEndAtTheHistoryQuotaAwsApplies() {
    long start = System.nanoTime();
    Execution execution = LocalExecutor.ofJson("{\"StartAt\": \"A\", \"States\": {\"A\": {\"Type\": \"Task\", "
            + "\"Resource\": \"arn:aws:states:::lambda:invoke\", \"Retry\": [{\"ErrorEquals\": [\"States.ALL\"], "
            + "\"MaxAttempts\": 99999999, \"IntervalSeconds\": 1, \"BackoffRate\": 1}], \"End\": true}}}")
        .mock("A", Mock.error("Boom", "always"))
        .run("{}");
    assertThat(execution).failed().hasError("States.Runtime", "State 'A' was retried until the execution history "
        + "passed 25000 events, the quota at which AWS fails a Standard execution; lower MaxAttempts");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
  }

  @Test
  void wildcardsMatchWithoutBacktracking() {
    long start = System.nanoTime();
    assertThat(ChoiceRules.matchesWildcard("*a*a*a*a*a*a*a*a*a*b", "a".repeat(60))).isFalse();
    assertThat(ChoiceRules.matchesWildcard("*a*a*a*a*a*a*a*a*a*b", "a".repeat(60) + "b")).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(ChoiceRules.matchesWildcard("log-*.txt", "log-2024.txt")).isTrue();
    assertThat(ChoiceRules.matchesWildcard("log-*.txt", "log-2024.txt.gz")).isFalse();
    assertThat(ChoiceRules.matchesWildcard("a\\*b", "a*b")).isTrue();
    assertThat(ChoiceRules.matchesWildcard("a\\*b", "axb")).isFalse();
    assertThat(ChoiceRules.matchesWildcard("a\\\\*", "a\\xyz")).isTrue();
    assertThat(ChoiceRules.matchesWildcard("*", "")).isTrue();
    assertThat(ChoiceRules.matchesWildcard("", "")).isTrue();
    assertThat(ChoiceRules.matchesWildcard("a*", "")).isFalse();
  }
}
