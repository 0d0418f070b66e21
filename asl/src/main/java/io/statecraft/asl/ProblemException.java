package io.statecraft.asl;

import java.util.ArrayList;
import java.util.List;

/**
 * Thrown once, after every problem has been collected, when a definition or template cannot be
 * written. Its message is a one-line summary followed by one line per problem.
 */
public final class ProblemException extends RuntimeException {

  private final transient List<Problem> problems;

  public ProblemException(String subject, List<Problem> problems) {
    super(summary(subject, problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, errors and warnings, in report order. */
  public List<Problem> problems() {
    return problems;
  }

  private static String summary(String subject, List<Problem> problems) {
    long errors = 0;
    for (Problem problem : problems) {
      if (problem.isError()) {
        errors++;
      }
    }
    long warnings = problems.size() - errors;
    StringBuilder text = new StringBuilder()
        .append(subject).append(": ")
        .append(count(errors, "error"));
    if (warnings > 0) {
      text.append(", ").append(count(warnings, "warning"));
    }
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.ORDER);
    for (Problem p : sorted) {
      text.append("\n  ").append(p.describe());
    }
    return text.toString();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
