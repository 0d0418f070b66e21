package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one time a state was entered: its input, its output, its error, and how often it
 * ran (retries). Expected JSON is text (a text block reads best) or a {@code Map}.
 */
public final class StateVisitAssert extends AbstractAssert<StateVisitAssert, StateVisit> {

  StateVisitAssert(StateVisit actual) {
    super(actual, StateVisitAssert.class);
  }

  /**
   * The state's input (before InputPath or Arguments) equals this JSON.
   *
   * @param json the expected input as JSON text
   * @return this
   */
  public StateVisitAssert hasInput(String json) {
    return hasInput(JsonValues.parse(json, "the expected input"));
  }

  /**
   * The state's input (before InputPath or Arguments) equals this object.
   *
   * @param expected the expected input; values are JSON-like: maps, lists, strings, numbers, booleans, null
   * @return this
   */
  public StateVisitAssert hasInput(Map<String, ?> expected) {
    return hasInput(JsonValues.of(expected, "the expected input"));
  }

  private StateVisitAssert hasInput(JsonNode expected) {
    isNotNull();
    if (!JsonValues.same(actual.input(), expected)) {
      failWithMessage("Expected the input of state %s to be%n  %s%nbut it was%n  %s", actual.name(),
          JsonValues.compact(expected), JsonValues.compact(actual.input()));
    }
    return this;
  }

  /**
   * The state succeeded and its output equals this JSON.
   *
   * @param json the expected output as JSON text
   * @return this
   */
  public StateVisitAssert hasOutput(String json) {
    return hasOutput(JsonValues.parse(json, "the expected output"));
  }

  /**
   * The state succeeded and its output equals this object.
   *
   * @param expected the expected output; values are JSON-like: maps, lists, strings, numbers, booleans, null
   * @return this
   */
  public StateVisitAssert hasOutput(Map<String, ?> expected) {
    return hasOutput(JsonValues.of(expected, "the expected output"));
  }

  private StateVisitAssert hasOutput(JsonNode expected) {
    isNotNull();
    if (actual.output() == null) {
      failWithMessage("Expected the output of state %s to be%n  %s%nbut the state failed with %s (%s)", actual.name(),
          JsonValues.compact(expected), actual.error(), actual.cause());
    }
    if (!JsonValues.same(actual.output(), expected)) {
      failWithMessage("Expected the output of state %s to be%n  %s%nbut it was%n  %s", actual.name(),
          JsonValues.compact(expected), JsonValues.compact(actual.output()));
    }
    return this;
  }

  /**
   * The state ran this many times in this entry: 1, plus 1 for each retry. (To count entries,
   * loops and Map iterations, use {@link Execution#visits(String)}.)
   *
   * @param expected the number of attempts, from 1
   * @return this
   */
  public StateVisitAssert attempts(int expected) {
    isNotNull();
    if (actual.attempts() != expected) {
      failWithMessage("Expected state %s to be attempted %s, but it was attempted %s (retries by retrier: %s)",
          actual.name(), times(expected), times(actual.attempts()), actual.retries());
    }
    return this;
  }

  /**
   * The retrier at this index of the state's {@code Retry} retried the state this many times in
   * this entry.
   *
   * @param retrier the retrier's index in {@code Retry}, from 0
   * @param expected the number of retries it made
   * @return this
   */
  public StateVisitAssert retriedBy(int retrier, int expected) {
    isNotNull();
    List<Integer> retries = actual.retries();
    if (retrier < 0 || retrier >= retries.size()) {
      failWithMessage("Expected retrier %d of state %s to retry it %s, but the state has %s", retrier, actual.name(),
          times(expected), retries.isEmpty() ? "no retriers" : retries.size() == 1 ? "one retrier (0)"
              : retries.size() + " retriers (0 to " + (retries.size() - 1) + ")");
    } else if (retries.get(retrier) != expected) {
      failWithMessage("Expected retrier %d of state %s to retry it %s, but it retried it %s (retries by retrier: %s)",
          retrier, actual.name(), times(expected), times(retries.get(retrier)), retries);
    }
    return this;
  }

  private static String times(int count) {
    return count + (count == 1 ? " time" : " times");
  }

  /**
   * The state failed with this error (whether or not a catcher then caught it).
   *
   * @param error the error name
   * @return this assertion, to chain more
   */
  public StateVisitAssert failedWith(String error) {
    isNotNull();
    if (!Objects.equals(actual.error(), error)) {
      failWithMessage("Expected state %s to fail with %s, but %s", actual.name(), error,
          actual.error() == null ? "it succeeded with output " + JsonValues.compact(actual.output())
              : "it failed with " + actual.error());
    }
    return this;
  }

  /**
   * The state succeeded.
   *
   * @return this assertion, to chain more
   */
  public StateVisitAssert succeeded() {
    isNotNull();
    if (actual.error() != null) {
      failWithMessage("Expected state %s to succeed, but it failed with %s (%s)", actual.name(), actual.error(),
          actual.cause());
    }
    return this;
  }
}
