package io.statecraft.asl;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/**
 * Collects every problem found, in the order found: checks add to it and never stop early, and the
 * caller reports or throws ({@link ProblemException}) once, at the end. The one collector of the
 * validator, the definition and workflow compilers and the template generator, so that every
 * report is gathered the same way and a code is always a {@link ProblemCode}.
 */
public final class Problems {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final List<Problem> found = new ArrayList<>();

  public void error(ProblemCode code, String pointer, String message) {
    found.add(Problem.error(code, pointer, message));
  }

  public void warning(ProblemCode code, String pointer, String message) {
    found.add(Problem.warning(code, pointer, message));
  }

  /** Adds a problem made elsewhere, such as one with its Java line ({@link Problem#at}). */
  public void add(Problem problem) {
    found.add(problem);
  }

  public void addAll(Collection<Problem> problems) {
    found.addAll(problems);
  }

  /** Every problem so far, in the order found. */
  public List<Problem> all() {
    return List.copyOf(found);
  }

  /** Every problem so far, in report order ({@link Problem#ORDER}). */
  public List<Problem> sorted() {
    List<Problem> sorted = new ArrayList<>(found);
    sorted.sort(Problem.ORDER);
    return Collections.unmodifiableList(sorted);
  }
}
