package io.statecraft.asl;

import io.statecraft.dsl.SourceLocation;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing wrong with a definition or template, found at build time.
 *
 * @param severity whether it stops the build
 * @param problemCode what kind of problem it is, from the one registry; {@link #code()} is its text
 * @param pointer a JSON Pointer into the definition or template ({@code /States/Notify/Retry/0})
 * @param message one line: what is wrong and what to do
 * @param source where the offending state was built in Java, when it was built with the DSL
 */
public record Problem(
    Severity severity, ProblemCode problemCode, String pointer, String message, SourceLocation source) {

  /** Problems in reading order: by pointer, then code, so reports are stable across runs. */
  public static final Comparator<Problem> ORDER = new ReadingOrder();

  // A class, not Comparator.comparing(...): each lambda is a class spun at run time in every cold
  // generate (issue 19, bench/RESULTS.md).
  private static final class ReadingOrder implements Comparator<Problem> {
    @Override
    public int compare(Problem a, Problem b) {
      int byPointer = a.pointer().compareTo(b.pointer());
      if (byPointer != 0) {
        return byPointer;
      }
      int byCode = a.code().compareTo(b.code());
      return byCode != 0 ? byCode : a.message().compareTo(b.message());
    }
  }

  public Problem {
    Objects.requireNonNull(severity, "severity == null");
    Objects.requireNonNull(problemCode, "problemCode == null");
    Objects.requireNonNull(pointer, "pointer == null");
    Objects.requireNonNull(message, "message == null");
  }

  public static Problem error(ProblemCode code, String pointer, String message) {
    return new Problem(Severity.ERROR, code, pointer, message, null);
  }

  public static Problem warning(ProblemCode code, String pointer, String message) {
    return new Problem(Severity.WARNING, code, pointer, message, null);
  }

  /**
   * The stable code as reports print it; the service's own name where one exists ({@code
   * MISSING_END_STATE}). Text, because reports, JSON output and scripts match on it.
   */
  public String code() {
    return problemCode.name();
  }

  /**
   * The code Step Functions' {@code ValidateStateMachineDefinition} reports for this problem
   * ({@code SCHEMA_VALIDATION_FAILED}, ...); empty when the service does not report it.
   */
  public Optional<String> serviceCode() {
    return ServiceCode.of(problemCode);
  }

  public Problem at(SourceLocation location) {
    return new Problem(severity, problemCode, pointer, message, location);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  public Optional<SourceLocation> sourceLocation() {
    return Optional.ofNullable(source);
  }

  /**
   * The line format shared by the command line, the Maven plugin and exceptions:
   * {@code SEVERITY CODE POINTER: message (File.java:12)}. The pointer of the root is shown as
   * {@code /}.
   */
  public String describe() {
    String where = pointer.isEmpty() ? "/" : pointer;
    String java = source == null ? "" : " (" + source + ")";
    return severity + " " + code() + " " + where + ": " + message + java;
  }

  /**
   * The line a report shows (lint, generate, the plugin's goals): {@link #describe()}, and where the
   * service's code differs from Statecraft's, that code at the end: {@code ... [AWS:
   * SCHEMA_VALIDATION_FAILED]}. Where they are the same, the code already on the line is the
   * service's too.
   */
  public String reportLine() {
    Optional<String> service = serviceCode();
    return service.isPresent() && !service.get().equals(code()) ? describe() + " [AWS: " + service.get() + "]"
        : describe();
  }

  @Override
  public String toString() {
    return describe();
  }
}
