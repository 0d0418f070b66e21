package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/**
 * A {@code Map} state: runs its item processor once per item, inline or as a distributed map.
 *
 * @param itemsPath JSONPath: where the items are in the input
 * @param items JSONata: the items, an array or an expression
 * @param itemSelector the template each item is shaped with
 * @param itemProcessor the states run per item, with its {@code ProcessorConfig}
 * @param iterator the legacy form of {@code itemProcessor}; read and kept, never produced
 * @param itemReader distributed mode: where items are read from
 * @param itemBatcher distributed mode: how items are batched
 * @param resultWriter distributed mode: where results are written
 * @param label distributed mode: a label for child executions, at most 40 characters
 */
public record AslMap(
    String comment,
    QueryLanguage queryLanguage,
    AslIo io,
    Value itemsPath,
    Value items,
    Value itemSelector,
    AslBranch itemProcessor,
    AslBranch iterator,
    AslItemReader itemReader,
    AslItemBatcher itemBatcher,
    AslResultWriter resultWriter,
    Value maxConcurrency,
    Value maxConcurrencyPath,
    Value toleratedFailurePercentage,
    Value toleratedFailurePercentagePath,
    Value toleratedFailureCount,
    Value toleratedFailureCountPath,
    String label,
    List<AslRetrier> retry,
    List<AslCatcher> catchers,
    String next,
    boolean end,
    Map<String, Value> extensions) implements AslState {

  /**
   * Keeps unmodifiable copies of the retriers, catchers and unknown fields; a null {@code io} means
   * {@link AslIo#NONE}.
   */
  public AslMap {
    io = io == null ? AslIo.NONE : io;
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Map";
  }

  /** The per-item states: the {@code ItemProcessor}, or the legacy {@code Iterator}. */
  public AslBranch processor() {
    return itemProcessor != null ? itemProcessor : iterator;
  }

  /**
   * Whether this is a distributed Map ({@code ProcessorConfig.Mode} {@code DISTRIBUTED}), which
   * runs its iterations as child executions and needs more of the execution role.
   */
  public boolean isDistributed() {
    return itemProcessor != null && itemProcessor.processorConfig() != null
        && itemProcessor.processorConfig().isDistributed();
  }

  @Override
  public List<String> transitions() {
    return Transitions.of(next, catchers);
  }

  @Override
  public boolean isTerminal() {
    return end;
  }
}
