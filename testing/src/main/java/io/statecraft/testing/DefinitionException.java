package io.statecraft.testing;

import java.util.List;

/**
 * The definition cannot be run: a placeholder has no value, or the text is not a valid state
 * machine. The message lists every problem, one per line.
 */
public final class DefinitionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Each problem, one line each. */
  private final List<String> problems;

  DefinitionException(String summary, List<String> problems) {
    super(summary + (problems.isEmpty() ? "" : ":\n  " + String.join("\n  ", problems)));
    this.problems = List.copyOf(problems);
  }

  /**
   * Each problem, one line each.
   *
   * @return each problem, one line each
   */
  public List<String> problems() {
    return problems;
  }
}
