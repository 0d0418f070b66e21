package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.Map;

/**
 * A Map's {@code ProcessorConfig}.
 *
 * @param mode {@code INLINE} or {@code DISTRIBUTED}, or null (inline)
 * @param executionType {@code STANDARD} or {@code EXPRESS}, required for distributed mode
 */
public record AslProcessorConfig(String mode, String executionType, Map<String, Value> extensions) {

  /** Keeps an unmodifiable copy of the unknown fields. */
  public AslProcessorConfig {
    extensions = Extensions.copy(extensions);
  }

  /**
   * Whether {@code Mode} is {@code DISTRIBUTED}: each iteration is a child workflow execution of
   * {@code executionType}.
   */
  public boolean isDistributed() {
    return "DISTRIBUTED".equals(mode);
  }
}
