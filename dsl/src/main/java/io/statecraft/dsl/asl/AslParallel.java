package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Map;

/** A {@code Parallel} state: runs every branch on the same input; the result is their outputs, in order. */
public record AslParallel(
    String comment,
    QueryLanguage queryLanguage,
    AslIo io,
    List<AslBranch> branches,
    List<AslRetrier> retry,
    List<AslCatcher> catchers,
    String next,
    boolean end,
    Map<String, Value> extensions) implements AslState {

  /**
   * Keeps unmodifiable copies of the branches (in order: the output lists their results in this
   * order), retriers, catchers and unknown fields; a null {@code io} means {@link AslIo#NONE}.
   */
  public AslParallel {
    io = io == null ? AslIo.NONE : io;
    branches = List.copyOf(branches);
    retry = List.copyOf(retry);
    catchers = List.copyOf(catchers);
    extensions = Extensions.copy(extensions);
  }

  @Override
  public String type() {
    return "Parallel";
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
