package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A nested state machine: a Parallel branch, a Map's {@code ItemProcessor} states, or the legacy
 * {@code Iterator}.
 *
 * @param processorConfig the {@code ProcessorConfig} of an {@code ItemProcessor}; null otherwise
 */
public record AslBranch(
    String comment,
    QueryLanguage queryLanguage,
    AslProcessorConfig processorConfig,
    String startAt,
    Map<String, AslState> states,
    Map<String, Value> extensions) {

  /**
   * Checks that {@code StartAt} is given and keeps unmodifiable copies of the states (in the order
   * written) and of the unknown fields.
   */
  public AslBranch {
    Objects.requireNonNull(startAt, "startAt == null");
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    extensions = Extensions.copy(extensions);
  }
}
