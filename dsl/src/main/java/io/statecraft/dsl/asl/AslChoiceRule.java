package io.statecraft.dsl.asl;

import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Value;
import java.util.Map;
import java.util.Objects;

/**
 * A top-level Choice rule: a test, the state to go to when it holds, and (in either language)
 * variables to set and, in JSONata, the output. The rule's {@code Comment} is the condition's.
 */
public record AslChoiceRule(
    Condition condition, String next, Value assign, Value output, Map<String, Value> extensions) {

  /**
   * Checks that the rule has a condition and a {@code Next} state, and keeps an unmodifiable copy
   * of its unknown fields.
   */
  public AslChoiceRule {
    Objects.requireNonNull(condition, "condition == null");
    Objects.requireNonNull(next, "next == null");
    extensions = Extensions.copy(extensions);
  }
}
