package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslDefinition;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A state machine built from Java: the states reachable from the start, plus the top-level
 * fields. {@link #build()} turns it into an ASL definition.
 *
 * <pre>{@code
 * Task describe = Task.named("DescribeInstances").call(...);
 * Choice anyFound = Choice.named("AnyNonCompliant");
 * describe.next(anyFound);
 * StateMachine machine = StateMachine.startWith(describe).comment("Patch compliance alerts");
 * }</pre>
 */
public final class StateMachine {

  private final State<?> start;
  private String comment;
  private QueryLanguage queryLanguage;
  private Integer timeoutSeconds;
  private String version;
  private final Map<String, Value> extensions = new LinkedHashMap<>();

  private StateMachine(State<?> start) {
    this.start = Objects.requireNonNull(start, "start == null");
  }

  /** A state machine whose {@code StartAt} is {@code start}. */
  public static StateMachine startWith(State<?> start) {
    return new StateMachine(start);
  }

  /** A state machine that starts with a fragment. */
  public static StateMachine startWith(Fragment fragment) {
    return new StateMachine(fragment.start());
  }

  /** {@code Comment}. */
  public StateMachine comment(String comment) {
    this.comment = comment;
    return this;
  }

  /** {@code QueryLanguage}: the default of every state. */
  public StateMachine queryLanguage(QueryLanguage queryLanguage) {
    this.queryLanguage = queryLanguage;
    return this;
  }

  /** {@code TimeoutSeconds}: the longest an execution may run. */
  public StateMachine timeoutSeconds(int seconds) {
    this.timeoutSeconds = seconds;
    return this;
  }

  /** {@code Version}: the ASL version ({@code 1.0}). */
  public StateMachine version(String version) {
    this.version = version;
    return this;
  }

  /** A top-level field this model does not know yet, kept as raw JSON. */
  public StateMachine raw(String field, Value value) {
    extensions.put(field, value);
    return this;
  }

  /** The first state. */
  public State<?> start() {
    return start;
  }

  /** Builds the definition and collects what only the Java side knows about it. */
  public BuiltStateMachine build() {
    DefinitionBuilder builder = new DefinitionBuilder(queryLanguage);
    var states = builder.states(start);
    builder.reportDropped();
    AslDefinition definition = new AslDefinition(comment, queryLanguage, version, timeoutSeconds,
        start.name(), states, extensions);
    return new BuiltStateMachine(definition, builder.sources(), builder.permissions(),
        builder.integrations(), builder.issues());
  }

  /** Builds the definition alone. */
  public AslDefinition toDefinition() {
    return build().definition();
  }
}
