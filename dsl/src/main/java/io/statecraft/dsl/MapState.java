package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslProcessorConfig;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.dsl.asl.AslState;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code Map} state: runs its item processor once per item, inline (the default) or as a
 * distributed map of child executions. (Named {@code MapState} so that it does not hide
 * {@link java.util.Map}.)
 */
public final class MapState extends State<MapState> implements Chainable<MapState>,
    HasInputOutput<MapState>, HasAssign<MapState>, HasResultSelector<MapState>,
    HasResultPath<MapState>, HasErrorHandling<MapState> {

  /** {@code ProcessorConfig.Mode}. */
  public enum Mode {
    /** Iterations run inside this execution, at most 40 at once, their history in its history. */
    INLINE,
    /** Each iteration (or batch) is a child execution, up to 10,000 at once, reading items from S3. */
    DISTRIBUTED
  }

  /** {@code ProcessorConfig.ExecutionType} of a distributed map's child executions. */
  public enum ExecutionType {
    /** Child workflows run as Standard executions: exactly once, up to a year, with history. */
    STANDARD,
    /** Child workflows run as Express executions: at least once, up to five minutes, cheaper. */
    EXPRESS
  }

  private Value itemsPath;
  private Value items;
  private Value itemSelector;
  private State<?> processorStart;
  private Mode mode;
  private ExecutionType executionType;
  // Set by processorConfig(...): the field is written even when both of its values are null, as {}.
  private boolean processorConfigSpelledOut;
  private AslItemReader itemReader;
  private AslItemBatcher itemBatcher;
  private AslResultWriter resultWriter;
  private ItemReader typedReader;
  private ResultWriter typedWriter;
  private Value maxConcurrency;
  private Value maxConcurrencyPath;
  private Value toleratedFailurePercentage;
  private Value toleratedFailurePercentagePath;
  private Value toleratedFailureCount;
  private Value toleratedFailureCountPath;
  private String label;

  private MapState(String name) {
    super(name);
  }

  /** A Map state; {@code name} is its name in the definition. */
  public static MapState named(String name) {
    return new MapState(name);
  }

  /**
   * {@code ItemsPath} (JSONPath): where the items are in the input. An array gives one iteration
   * per element; an object one iteration per key-value pair ("ItemsPath (Map, JSONPath only)",
   * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemspath.html).
   */
  public MapState itemsPath(Path path) {
    this.itemsPath = path;
    return this;
  }

  /**
   * {@code Items} (JSONata): the items, an array or an expression giving an array, or an object whose
   * key-value pairs are iterated as with {@link #itemsPath(Path)}.
   */
  public MapState items(Value items) {
    this.items = items;
    return this;
  }

  /** {@code ItemSelector}: shapes each item; {@link Context#mapItemValue()} is the item. */
  public MapState itemSelector(Value selector) {
    this.itemSelector = selector;
    return this;
  }

  /** {@code ItemSelector} from a builder: each item's input, built from the item and the state input. */
  public MapState itemSelector(Json.ObjectBuilder selector) {
    return itemSelector(selector.build());
  }

  /** {@code ItemProcessor}, inline: the states reachable from {@code start} run per item. */
  public MapState itemProcessor(State<?> start) {
    this.processorStart = Objects.requireNonNull(start, "start == null");
    return this;
  }

  /** {@code ItemProcessor}: the states each item runs through, starting at {@code fragment}'s first. */
  public MapState itemProcessor(Fragment fragment) {
    return itemProcessor(fragment.start());
  }

  /** {@code ProcessorConfig}: distributed mode, with the child executions' type. */
  public MapState distributed(ExecutionType executionType) {
    this.mode = Mode.DISTRIBUTED;
    this.executionType = Objects.requireNonNull(executionType, "executionType == null");
    return this;
  }

  /** {@code ProcessorConfig} spelled out; with two nulls it is written as an empty object. */
  public MapState processorConfig(Mode mode, ExecutionType executionType) {
    this.processorConfigSpelledOut = true;
    this.mode = mode;
    this.executionType = executionType;
    return this;
  }

  /** {@code ItemReader} (distributed), written out; prefer {@link #itemReader(ItemReader)}. */
  public MapState itemReader(AslItemReader reader) {
    this.itemReader = reader;
    this.typedReader = null;
    return this;
  }

  /** {@code ItemReader} (distributed): where the items are read from, with its S3 grants. */
  public MapState itemReader(ItemReader reader) {
    this.typedReader = Objects.requireNonNull(reader, "reader == null");
    this.itemReader = null;
    return this;
  }

  /** {@code ItemBatcher} (distributed), written out; prefer {@link #itemBatcher(ItemBatcher)}. */
  public MapState itemBatcher(AslItemBatcher batcher) {
    this.itemBatcher = batcher;
    return this;
  }

  /** {@code ItemBatcher} (distributed): how many items or bytes each child execution gets. */
  public MapState itemBatcher(ItemBatcher batcher) {
    return itemBatcher(batcher.toAsl());
  }

  /** {@code ResultWriter} (distributed), written out; prefer {@link #resultWriter(ResultWriter)}. */
  public MapState resultWriter(AslResultWriter writer) {
    this.resultWriter = writer;
    this.typedWriter = null;
    return this;
  }

  /** {@code ResultWriter} (distributed): where results are exported, and their shape. */
  public MapState resultWriter(ResultWriter writer) {
    this.typedWriter = Objects.requireNonNull(writer, "writer == null");
    this.resultWriter = null;
    return this;
  }

  /** {@code MaxConcurrency}: 0 means as many as the service allows. */
  public MapState maxConcurrency(int max) {
    return maxConcurrency(Value.of(max));
  }

  /** {@code MaxConcurrency} as a value: a number, a JSONata expression or a placeholder; a JSONPath goes in {@link #maxConcurrencyPath}. */
  public MapState maxConcurrency(Value max) {
    this.maxConcurrency = max;
    return this;
  }

  /** {@code MaxConcurrencyPath} (JSONPath). */
  public MapState maxConcurrencyPath(Path path) {
    this.maxConcurrencyPath = path;
    return this;
  }

  /** {@code ToleratedFailurePercentage} (distributed), 0..100. */
  public MapState toleratedFailurePercentage(Value percentage) {
    this.toleratedFailurePercentage = percentage;
    return this;
  }

  /** {@code ToleratedFailurePercentage}: the share of failed items (0 to 100) the Map state tolerates. */
  public MapState toleratedFailurePercentage(int percentage) {
    return toleratedFailurePercentage(Value.of(percentage));
  }

  /** {@code ToleratedFailurePercentagePath} (JSONPath). */
  public MapState toleratedFailurePercentagePath(Path path) {
    this.toleratedFailurePercentagePath = path;
    return this;
  }

  /** {@code ToleratedFailureCount} (distributed). */
  public MapState toleratedFailureCount(Value count) {
    this.toleratedFailureCount = count;
    return this;
  }

  /** {@code ToleratedFailureCount}: how many failed items the Map state tolerates. */
  public MapState toleratedFailureCount(int count) {
    return toleratedFailureCount(Value.of(count));
  }

  /** {@code ToleratedFailureCountPath} (JSONPath). */
  public MapState toleratedFailureCountPath(Path path) {
    this.toleratedFailureCountPath = path;
    return this;
  }

  /** {@code Label} (distributed): names child executions, at most 40 characters. */
  public MapState label(String label) {
    this.label = label;
    return this;
  }

  @Override
  List<State<?>> nestedStarts() {
    return processorStart == null ? List.of() : List.of(processorStart);
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    if (processorStart == null) {
      builder.issue(this, BuildIssue.Code.MISSING_ITEM_PROCESSOR,
          "Map has no ItemProcessor: give it itemProcessor(firstState)");
      processorStart = Succeed.named(name() + " (no item processor)");
    }
    AslProcessorConfig config = mode == null && executionType == null && !processorConfigSpelledOut ? null
        : new AslProcessorConfig(mode == null ? null : mode.name(),
            executionType == null ? null : executionType.name(), Map.of());
    boolean jsonata = effectiveLanguage(builder.defaultLanguage()) == QueryLanguage.JSONATA;
    AslItemReader reader = typedReader != null ? typedReader.toAsl(jsonata) : itemReader;
    AslResultWriter writer = typedWriter != null ? typedWriter.toAsl(jsonata) : resultWriter;
    return new AslMap(commentValue(), queryLanguageValue(), io, itemsPath, items, itemSelector,
        builder.scope(processorStart, config), null, reader, itemBatcher, writer,
        maxConcurrency, maxConcurrencyPath, toleratedFailurePercentage, toleratedFailurePercentagePath,
        toleratedFailureCount, toleratedFailureCountPath, label, retriers, catchersAsl(), nextName(),
        next == null, extensionsValue());
  }
}
