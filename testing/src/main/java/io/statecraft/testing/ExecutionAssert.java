package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on an {@link Execution}; failure messages show the status, output or error, and path. */
public final class ExecutionAssert extends AbstractAssert<ExecutionAssert, Execution> {

  ExecutionAssert(Execution actual) {
    super(actual, ExecutionAssert.class);
  }

  /**
   * The execution succeeded.
   *
   * @return this assertion, to chain more
   */
  public ExecutionAssert succeeded() {
    isNotNull();
    if (!actual.succeeded()) {
      failWithMessage("Expected the execution to succeed, but it %s with error %s%s%nPath: %s%s", actual.status(),
          actual.error(), actual.cause() == null ? "" : " (cause: " + actual.cause() + ")", actual.path(),
          lintWarnings(actual));
    }
    return this;
  }

  /**
   * The execution failed (a state's error was not caught).
   *
   * @return this assertion, to chain more
   */
  public ExecutionAssert failed() {
    isNotNull();
    if (actual.status() != ExecutionStatus.FAILED) {
      failWithMessage("Expected the execution to fail, but it %s%s%nPath: %s", actual.status(),
          actual.succeeded() ? " with output " + actual.outputJson() : "", actual.path());
    }
    return this;
  }

  /**
   * The state machine's TimeoutSeconds ran out.
   *
   * @return this assertion, to chain more
   */
  public ExecutionAssert timedOut() {
    isNotNull();
    if (actual.status() != ExecutionStatus.TIMED_OUT) {
      failWithMessage("Expected the execution to time out, but it %s%nPath: %s", actual.status(), actual.path());
    }
    return this;
  }

  /**
   * The output equals this JSON (numbers compared by value, key order ignored).
   *
   * @param json the expected output as JSON text
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasOutput(String json) {
    return hasOutput(JsonValues.parse(json, "the expected output"));
  }

  /**
   * The output equals this object (numbers compared by value, key order ignored).
   *
   * @param expected the expected output; values are JSON-like: maps, lists, strings, numbers, booleans, null
   * @return this
   */
  public ExecutionAssert hasOutput(Map<String, ?> expected) {
    return hasOutput(JsonValues.of(expected, "the expected output"));
  }

  /**
   * The output equals this JSON value.
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasOutput(JsonNode expected) {
    succeeded();
    if (!JsonValues.same(actual.output(), expected)) {
      failWithMessage("Expected the output%n  %s%nbut it was%n  %s", JsonValues.compact(expected), actual.outputJson());
    }
    return this;
  }

  /**
   * The execution failed with this error name.
   *
   * @param error the error name, such as {@code Lambda.TooManyRequestsException}
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasError(String error) {
    isNotNull();
    if (actual.succeeded()) {
      failWithMessage("Expected the execution to fail with error %s, but it succeeded with output %s%nPath: %s", error,
          actual.outputJson(), actual.path());
    }
    if (!Objects.equals(actual.error(), error)) {
      failWithMessage("Expected error %s, but it was %s%s", error, actual.error(),
          actual.cause() == null ? "" : " (cause: " + actual.cause() + ")");
    }
    return this;
  }

  /**
   * The execution failed with this error name and cause.
   *
   * @param error the error name, such as {@code Lambda.TooManyRequestsException}
   * @param cause the expected cause text
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasError(String error, String cause) {
    hasError(error);
    return hasCause(cause);
  }

  /**
   * The execution failed with this cause.
   *
   * @param cause the expected cause text
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasCause(String cause) {
    isNotNull();
    if (!Objects.equals(actual.cause(), cause)) {
      failWithMessage("Expected cause%n  %s%nbut it was%n  %s", cause, actual.cause());
    }
    return this;
  }

  /**
   * Every named state was entered at least once.
   *
   * @param states the state names, in the order expected
   * @return this assertion, to chain more
   */
  public ExecutionAssert passedThrough(String... states) {
    isNotNull();
    List<String> missing = new ArrayList<>();
    for (String state : states) {
      if (!actual.path().contains(state)) {
        missing.add(state);
      }
    }
    if (!missing.isEmpty()) {
      failWithMessage("Expected the execution to pass through %s, but it never entered %s%nPath: %s",
          Arrays.asList(states), missing, actual.path());
    }
    return this;
  }

  /**
   * None of the named states was entered.
   *
   * @param states the state names, in the order expected
   * @return this assertion, to chain more
   */
  public ExecutionAssert didNotPassThrough(String... states) {
    isNotNull();
    List<String> entered = new ArrayList<>();
    for (String state : states) {
      if (actual.path().contains(state)) {
        entered.add(state);
      }
    }
    if (!entered.isEmpty()) {
      failWithMessage("Expected the execution not to pass through %s, but it entered %s%nPath: %s",
          Arrays.asList(states), entered, actual.path());
    }
    return this;
  }

  /**
   * The states entered were exactly these, in this order.
   *
   * @param states the state names, in the order expected
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasPath(String... states) {
    isNotNull();
    if (!actual.path().equals(Arrays.asList(states))) {
      failWithMessage("Expected the path%n  %s%nbut it was%n  %s", Arrays.asList(states), actual.path());
    }
    return this;
  }

  /**
   * The execution took exactly this much virtual time.
   *
   * @param expected the expected value
   * @return this assertion, to chain more
   */
  public ExecutionAssert tookVirtualTime(Duration expected) {
    isNotNull();
    if (!actual.elapsed().equals(expected)) {
      failWithMessage("Expected the execution to take %s of virtual time, but it took %s", expected, actual.elapsed());
    }
    return this;
  }

  /**
   * The history has at least one event of this type, e.g. {@code TaskTimedOut}.
   *
   * @param type the service's event type name, such as {@code TaskTimedOut}
   * @return this assertion, to chain more
   */
  public ExecutionAssert hasEvent(String type) {
    isNotNull();
    if (actual.history().stream().noneMatch(event -> event.type().equals(type))) {
      failWithMessage("Expected an event %s in the history, but the events were %s", type,
          actual.history().stream().map(HistoryEvent::type).toList());
    }
    return this;
  }

  /**
   * Assertions on the only (or first) time the named state was entered.
   *
   * @param name the state's name
   * @return assertions on that entry of the state
   */
  public StateVisitAssert state(String name) {
    return state(name, 1);
  }

  /**
   * Assertions on the n-th time (from 1) the named state was entered.
   *
   * @param name the state's name
   * @param time which entry, from 1
   * @return assertions on that entry of the state
   */
  public StateVisitAssert state(String name, int time) {
    isNotNull();
    List<StateVisit> visits = actual.visits(name);
    if (visits.size() < time) {
      failWithMessage("Expected state %s to be entered at least %d time(s), but it was entered %d time(s)%nPath: %s",
          name, time, visits.size(), actual.path());
    }
    return new StateVisitAssert(visits.get(time - 1));
  }

  // A run that fails where lint's data-flow check warned (a field dropped by an earlier state, a
  // variable some path leaves unset) most likely fails because of it: say so next to the error.
  private static String lintWarnings(Execution execution) {
    StringBuilder text = new StringBuilder();
    for (Problem warning : execution.dataFlowWarningsAtFailure()) {
      text.append(String.format("%nLint warned about this state: %s", warning.describe()));
    }
    return text.toString();
  }
}
