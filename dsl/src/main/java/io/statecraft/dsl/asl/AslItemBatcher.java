package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.Map;

/** A distributed Map's {@code ItemBatcher}: how many items, or bytes, go to one child execution. */
public record AslItemBatcher(
    Value maxItemsPerBatch,
    Value maxItemsPerBatchPath,
    Value maxInputBytesPerBatch,
    Value maxInputBytesPerBatchPath,
    Value batchInput,
    Map<String, Value> extensions) {

  /** Keeps an unmodifiable copy of the unknown fields. */
  public AslItemBatcher {
    extensions = Extensions.copy(extensions);
  }
}
