package io.statecraft.maven;

import io.statecraft.asl.Problem;
import io.statecraft.generator.Generation;
import java.util.ArrayList;
import java.util.List;

/**
 * The message of a {@code generate} that found problems: a summary counting the workflows named,
 * then each failure with every problem, one per line.
 */
final class FailureMessage {

  private FailureMessage() {}

  /** The message for a report whose files were not written. */
  static String of(Generation.Report report, boolean failOnWarning) {
    List<String> lines = new ArrayList<>();
    for (Generation.Outcome failure : report.failures(failOnWarning)) {
      lines.add(describe(failure));
    }
    // Counted by class, not by outcome: a duplicate id is one outcome naming two workflows.
    int workflows = report.failingClasses(failOnWarning).size();
    String summary = workflows == 1 ? "1 workflow has problems" : workflows + " workflows have problems";
    return summary + (failOnWarning ? " (failOnWarning is on)" : "") + ":\n" + String.join("\n", lines);
  }

  private static String describe(Generation.Outcome failure) {
    if (failure instanceof Generation.NotBuilt notBuilt) {
      return notBuilt.problems().isEmpty()
          ? "Workflow " + notBuilt.className() + " cannot be built: " + notBuilt.reason()
          : "Workflow " + notBuilt.className() + ": " + counts(notBuilt.problems()) + lines(notBuilt.problems());
    }
    if (failure instanceof Generation.DuplicateId duplicate) {
      return "Workflows " + duplicate.otherClassName() + " and " + duplicate.className() + " have the same id '"
          + duplicate.id() + "'; ids name the output folders and artifact classifiers, so each must be unique";
    }
    Generation.Compiled compiled = (Generation.Compiled) failure;
    return "Workflow " + compiled.workflow().id() + " (" + compiled.className() + "): "
        + counts(compiled.workflow().problems()) + lines(compiled.workflow().problems());
  }

  private static String counts(List<Problem> problems) {
    long errors = problems.stream().filter(Problem::isError).count();
    long warnings = problems.size() - errors;
    return count(errors, "error") + (warnings > 0 ? ", " + count(warnings, "warning") : "");
  }

  private static String lines(List<Problem> problems) {
    StringBuilder text = new StringBuilder();
    problems.stream().sorted(Problem.ORDER).forEach(problem -> text.append("\n  ").append(problem.reportLine()));
    return text.toString();
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
