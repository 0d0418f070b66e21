package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One {@code Retry} entry: which errors to retry, how long to wait, how many times.
 *
 * @param jitterStrategy {@code FULL} or {@code NONE}, or null
 */
public record AslRetrier(
    List<String> errorEquals,
    Integer intervalSeconds,
    Integer maxAttempts,
    BigDecimal backoffRate,
    Integer maxDelaySeconds,
    String jitterStrategy,
    String comment,
    Map<String, Value> extensions) {

  /**
   * Keeps unmodifiable copies of the error names and the unknown fields; a null field means the
   * service's default.
   */
  public AslRetrier {
    errorEquals = List.copyOf(errorEquals);
    extensions = Extensions.copy(extensions);
  }
}
