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

  public AslProcessorConfig {
    extensions = Extensions.copy(extensions);
  }

  public boolean isDistributed() {
    return "DISTRIBUTED".equals(mode);
  }
}
