package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslState;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A {@code Parallel} state: runs each branch on the same input; the result lists their outputs in order. */
public final class Parallel extends State<Parallel> implements Chainable<Parallel>,
    HasInputOutput<Parallel>, HasAssign<Parallel>, HasParameters<Parallel>, HasArguments<Parallel>,
    HasResultSelector<Parallel>, HasResultPath<Parallel>, HasErrorHandling<Parallel> {

  private final List<State<?>> branches = new ArrayList<>();

  private Parallel(String name) {
    super(name);
  }

  /**
   * A new Parallel state called {@code name}, its key under {@code States}. Add branches with
   * {@code branch(...)}; the state fails when any branch fails, unless that error is caught.
   */
  public static Parallel named(String name) {
    return new Parallel(name);
  }

  /** Adds a branch: the states reachable from {@code start}. */
  public Parallel branch(State<?> start) {
    branches.add(Objects.requireNonNull(start, "start == null"));
    return this;
  }

  /** Adds a branch made of a fragment. */
  public Parallel branch(Fragment fragment) {
    return branch(fragment.start());
  }

  @Override
  List<State<?>> nestedStarts() {
    return List.copyOf(branches);
  }

  @Override
  AslState toAsl(DefinitionBuilder builder) {
    List<AslBranch> built = new ArrayList<>();
    for (State<?> start : branches) {
      built.add(builder.scope(start, null));
    }
    return new AslParallel(commentValue(), queryLanguageValue(), io, built, retriers, catchersAsl(),
        nextName(), next == null, extensionsValue());
  }
}
