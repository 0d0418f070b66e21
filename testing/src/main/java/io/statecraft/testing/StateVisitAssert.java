package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one time a state was entered: its input, its output, its error. */
public final class StateVisitAssert extends AbstractAssert<StateVisitAssert, StateVisit> {

  StateVisitAssert(StateVisit actual) {
    super(actual, StateVisitAssert.class);
  }

  /** The state's input (before InputPath or Arguments) equals this JSON. */
  public StateVisitAssert hasInput(String json) {
    isNotNull();
    JsonNode expected = JsonValues.parse(json, "the expected input");
    if (!JsonValues.same(actual.input(), expected)) {
      failWithMessage("Expected the input of state %s to be%n  %s%nbut it was%n  %s", actual.name(),
          JsonValues.compact(expected), JsonValues.compact(actual.input()));
    }
    return this;
  }

  /** The state succeeded and its output equals this JSON. */
  public StateVisitAssert hasOutput(String json) {
    isNotNull();
    JsonNode expected = JsonValues.parse(json, "the expected output");
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

  /** The state failed with this error (whether or not a catcher then caught it). */
  public StateVisitAssert failedWith(String error) {
    isNotNull();
    if (!Objects.equals(actual.error(), error)) {
      failWithMessage("Expected state %s to fail with %s, but %s", actual.name(), error,
          actual.error() == null ? "it succeeded with output " + JsonValues.compact(actual.output())
              : "it failed with " + actual.error());
    }
    return this;
  }

  /** The state succeeded. */
  public StateVisitAssert succeeded() {
    isNotNull();
    if (actual.error() != null) {
      failWithMessage("Expected state %s to succeed, but it failed with %s (%s)", actual.name(), actual.error(),
          actual.cause());
    }
    return this;
  }
}
