package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslItemBatcher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A distributed Map's {@code ItemBatcher}: how many items, or bytes, each child execution gets.
 * Each limit and its {@code *Path} variant exclude each other, so setting one replaces the other.
 *
 * <pre>{@code
 * ItemBatcher.create().maxItemsPerBatch(100).batchInput(Json.object().put("runId", Path.of("$.runId")))
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html">ItemBatcher (Map)</a>
 */
public final class ItemBatcher {

  private final Map<String, Value> fields = new LinkedHashMap<>();

  private ItemBatcher() {}

  /** An empty batcher; give it at least one limit. */
  public static ItemBatcher create() {
    return new ItemBatcher();
  }

  /** {@code MaxItemsPerBatch}. Replaces {@link #maxItemsPerBatchPath(Path)}. */
  public ItemBatcher maxItemsPerBatch(int max) {
    return maxItemsPerBatch(Value.of(max));
  }

  /** {@code MaxItemsPerBatch} as a JSONata expression. */
  public ItemBatcher maxItemsPerBatch(Value max) {
    return set("MaxItemsPerBatch", max, "MaxItemsPerBatchPath");
  }

  /** {@code MaxItemsPerBatchPath} (JSONPath). Replaces {@link #maxItemsPerBatch(int)}. */
  public ItemBatcher maxItemsPerBatchPath(Path path) {
    return set("MaxItemsPerBatchPath", path, "MaxItemsPerBatch");
  }

  /** {@code MaxInputBytesPerBatch}, at most 256 KiB. Replaces {@link #maxInputBytesPerBatchPath(Path)}. */
  public ItemBatcher maxInputBytesPerBatch(int max) {
    return maxInputBytesPerBatch(Value.of(max));
  }

  /** {@code MaxInputBytesPerBatch} as a JSONata expression. */
  public ItemBatcher maxInputBytesPerBatch(Value max) {
    return set("MaxInputBytesPerBatch", max, "MaxInputBytesPerBatchPath");
  }

  /** {@code MaxInputBytesPerBatchPath} (JSONPath). Replaces {@link #maxInputBytesPerBatch(int)}. */
  public ItemBatcher maxInputBytesPerBatchPath(Path path) {
    return set("MaxInputBytesPerBatchPath", path, "MaxInputBytesPerBatch");
  }

  /** {@code BatchInput}: the same JSON added to every batch, next to its {@code Items}. */
  public ItemBatcher batchInput(Json.ObjectBuilder input) {
    return set("BatchInput", input.build(), null);
  }

  private ItemBatcher set(String field, Value value, String excluded) {
    fields.remove(excluded);
    fields.put(field, Objects.requireNonNull(value, field + " == null"));
    return this;
  }

  AslItemBatcher toAsl() {
    return new AslItemBatcher(fields.get("MaxItemsPerBatch"), fields.get("MaxItemsPerBatchPath"),
        fields.get("MaxInputBytesPerBatch"), fields.get("MaxInputBytesPerBatchPath"), fields.get("BatchInput"), Map.of());
  }
}
