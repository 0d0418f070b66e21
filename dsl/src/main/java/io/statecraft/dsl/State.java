package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslIo;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A state of a workflow, built in Java. States refer to each other as objects, so a misspelled
 * target cannot compile, and may form loops. Each state remembers the line that created it, so a
 * problem found at build time points there.
 *
 * <p>Which fields a state accepts is what its type implements: {@link Chainable} for
 * {@code Next}/{@code End}, {@link HasInputOutput}, {@link HasParameters}, {@link HasResultPath},
 * {@link HasErrorHandling} and so on, after the ASL field names.
 *
 * @param <S> the concrete state type, returned by the fluent setters
 */
public abstract sealed class State<S extends State<S>>
    permits Task, Pass, Choice, Wait, Succeed, Fail, Parallel, MapState {

  private final String name;
  private final CapturedCall caller = new CapturedCall();
  private String comment;
  private QueryLanguage queryLanguage;
  private final Map<String, Value> extensions = new LinkedHashMap<>();

  // Written by the field mixins (same package) and read when the model is built.
  AslIo io = AslIo.NONE;
  State<?> next;
  boolean end;
  final List<AslRetrier> retriers = new ArrayList<>();
  final List<CatchRoute> catchers = new ArrayList<>();
  final List<IamStatement> permissions = new ArrayList<>();
  // The states that were given a transition to this one, so that a state chained to the state
  // machine but not reachable from its start can be reported rather than dropped silently.
  final List<State<?>> predecessors = new ArrayList<>();

  /** A {@code Catch} entry with its target still an object. */
  record CatchRoute(Catch spec, State<?> target) {}

  State(String name) {
    this.name = Objects.requireNonNull(name, "name == null");
  }

  /** The state's name: its key in {@code States}, unique in the whole definition. */
  public final String name() {
    return name;
  }

  /** The line of the author's code that created this state, when known. */
  public final SourceLocation source() {
    return caller.location();
  }

  /** {@code Comment}. */
  public final S comment(String comment) {
    this.comment = comment;
    return self();
  }

  /** {@code QueryLanguage} of this state, overriding the state machine's. */
  public final S queryLanguage(QueryLanguage queryLanguage) {
    this.queryLanguage = queryLanguage;
    return self();
  }

  /**
   * Sets a field this model does not know yet, as raw JSON. It is written after the known fields
   * and kept on every round trip; the validator warns that the service may reject it.
   */
  public final S raw(String field, Value value) {
    extensions.put(Objects.requireNonNull(field, "field == null"), Objects.requireNonNull(value, "value == null"));
    return self();
  }

  /**
   * Permissions the execution role needs for this state beyond those Statecraft derives (a typed
   * integration's, a distributed Map's reader and writer): what the catalogue cannot know, such as
   * objects whose bucket is only known at run time. They are merged into the role like a task's.
   */
  public S permissions(IamStatement... statements) {
    for (IamStatement statement : statements) {
      permissions.add(Objects.requireNonNull(statement, "statement == null"));
    }
    return self();
  }

  /** The permissions declared on this state with {@link #permissions(IamStatement...)}. */
  public final List<IamStatement> declaredPermissions() {
    return List.copyOf(permissions);
  }

  final String commentValue() {
    return comment;
  }

  final QueryLanguage queryLanguageValue() {
    return queryLanguage;
  }

  final Map<String, Value> extensionsValue() {
    return extensions;
  }

  /** The query language this state runs in, given the state machine's default. */
  final QueryLanguage effectiveLanguage(QueryLanguage inherited) {
    if (queryLanguage != null) {
      return queryLanguage;
    }
    return inherited == null ? QueryLanguage.JSONPATH : inherited;
  }

  /** The states this one moves to, in the order they are written. */
  List<State<?>> successors() {
    List<State<?>> targets = new ArrayList<>();
    if (next != null) {
      targets.add(next);
    }
    for (CatchRoute route : catchers) {
      targets.add(route.target());
    }
    return targets;
  }

  /** Records that {@code from} was given a transition to this state; returns this state. */
  final <T extends State<?>> T linkedFrom(State<?> from) {
    predecessors.add(from);
    @SuppressWarnings("unchecked")
    T self = (T) this;
    return self;
  }

  /** The nested scopes this state starts: Parallel branches, a Map's item processor. */
  List<State<?>> nestedStarts() {
    return List.of();
  }

  /** This state as an immutable ASL value; nested scopes come from {@code builder}. */
  abstract AslState toAsl(DefinitionBuilder builder);

  final String nextName() {
    return next == null ? null : next.name();
  }

  final List<AslCatcher> catchersAsl() {
    List<AslCatcher> result = new ArrayList<>();
    for (CatchRoute route : catchers) {
      Catch spec = route.spec();
      result.add(new AslCatcher(spec.errorEquals(), route.target().name(), spec.resultPath(),
          spec.output(), spec.assign(), spec.comment(), spec.extensions()));
    }
    return result;
  }

  @SuppressWarnings("unchecked")
  final S self() {
    return (S) this;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + " " + name;
  }
}
