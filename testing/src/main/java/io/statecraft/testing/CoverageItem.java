package io.statecraft.testing;

import java.util.List;

/**
 * One thing a test can exercise in a definition: a state, a Choice rule or Default, a catcher, a
 * retrier.
 *
 * @param kind what it is
 * @param state the state it belongs to
 * @param index the rule, catcher or retrier's position in its array, from 0 (-1 for a state or
 *     a Default)
 * @param description how reports show it, e.g. {@code Catch[0] [States.ALL] -> NotifyFailure}
 */
public record CoverageItem(Kind kind, String state, int index, String description) {

  /** The kinds of items. */
  public enum Kind {
    /** A state, covered when entered. */
    STATE,
    /** A Choice rule, covered when it matched. */
    CHOICE_RULE,
    /** A Choice state's Default, covered when no rule matched. */
    CHOICE_DEFAULT,
    /** A catcher, covered when it caught an error. */
    CATCHER,
    /** A retrier, covered when it matched an error. */
    RETRIER
  }

  static CoverageItem state(String name) {
    return new CoverageItem(Kind.STATE, name, -1, "state");
  }

  static CoverageItem choiceRule(String state, int index, String next) {
    return new CoverageItem(Kind.CHOICE_RULE, state, index, "Choices[" + index + "] -> " + next);
  }

  static CoverageItem choiceDefault(String state, String next) {
    return new CoverageItem(Kind.CHOICE_DEFAULT, state, -1, "Default -> " + next);
  }

  static CoverageItem catcher(String state, int index, List<String> errors, String next) {
    return new CoverageItem(Kind.CATCHER, state, index, "Catch[" + index + "] " + errors + " -> " + next);
  }

  static CoverageItem retrier(String state, int index, List<String> errors) {
    return new CoverageItem(Kind.RETRIER, state, index, "Retry[" + index + "] " + errors);
  }

  @Override
  public String toString() {
    return kind == Kind.STATE ? "state " + state : state + " " + description;
  }
}
