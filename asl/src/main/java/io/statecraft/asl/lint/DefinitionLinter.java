package io.statecraft.asl.lint;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.AslReader;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lints Step Functions definition files and directories: the one implementation behind {@code
 * statecraft lint} on the command line and the Maven plugin's {@code lint} goal.
 *
 * <p>A named file is checked as it is; a directory contributes every {@code .json}, {@code
 * .asl.json}, {@code .yaml} and {@code .yml} file under it, recursively, in sorted order. A file
 * that cannot be read or is not a state machine is a problem of that file, and the other files are
 * still checked.
 */
public final class DefinitionLinter {

  private DefinitionLinter() {}

  /**
   * One problem of one file.
   *
   * @param file the file as it was named or found under a named directory
   * @param problem what is wrong
   */
  public record Finding(String file, Problem problem) {

    public Finding {
      Objects.requireNonNull(file, "file == null");
      Objects.requireNonNull(problem, "problem == null");
    }

    /**
     * {@code FILE: SEVERITY CODE POINTER: message [AWS: CODE]}, the line format of every lint report
     * ({@link Problem#reportLine()}).
     */
    public String describe() {
      return file + ": " + problem.reportLine();
    }
  }

  /**
   * The result of one lint run.
   *
   * @param files every file checked, in the order checked
   * @param findings every problem found, file by file
   */
  public record Report(List<String> files, List<Finding> findings) {

    public Report {
      files = List.copyOf(files);
      findings = List.copyOf(findings);
    }

    public long errors() {
      return findings.stream().filter(finding -> finding.problem().isError()).count();
    }

    public long warnings() {
      return findings.size() - errors();
    }

    /** Whether the run fails: any error, or any warning when warnings count as errors. */
    public boolean failed(boolean warningsAsErrors) {
      return errors() > 0 || warningsAsErrors && warnings() > 0;
    }

    /** {@code 3 files, 2 errors, 1 warning}. */
    public String summary() {
      return count(files.size(), "file") + ", " + count(errors(), "error") + ", " + count(warnings(), "warning");
    }
  }

  /** Lints each path (a file or a directory) with the default validation options. */
  public static Report lint(List<String> paths) {
    return lint(paths, ValidationOptions.defaults());
  }

  /** Lints each path (a file or a directory) with {@code options}. */
  public static Report lint(List<String> paths, ValidationOptions options) {
    List<String> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String path : paths) {
      try {
        files.addAll(definitionFiles(path));
      } catch (IOException | UncheckedIOException e) {
        String reason = e instanceof UncheckedIOException unchecked ? unchecked.getCause().toString() : e.toString();
        findings.add(new Finding(path, Problem.error(ProblemCode.INVALID_JSON_DESCRIPTION, JsonPointers.ROOT,
            "cannot list the directory: " + reason)));
      }
    }
    for (String file : files) {
      for (Problem problem : lintFile(Path.of(file), options)) {
        findings.add(new Finding(file, problem));
      }
    }
    return new Report(files, findings);
  }

  /** Every problem of one definition file, including its being unreadable or not a definition. */
  public static List<Problem> lintFile(Path file, ValidationOptions options) {
    try {
      return AslValidator.validate(JsonDocuments.read(file), options);
    } catch (DocumentException e) {
      return e.problems();
    }
  }

  /**
   * One definition file read for a command that needs a sound definition (import, render, run):
   * its problems, and the definition when none of them is an error.
   *
   * @param problems every problem, as {@link #lintFile} finds them
   * @param definition the definition, or null when a problem is an error
   */
  public record Checked(List<Problem> problems, AslDefinition definition) {
    public Checked {
      problems = List.copyOf(problems);
    }

    public boolean isSound() {
      return definition != null;
    }
  }

  /** Reads and checks {@code file} once, like {@link #lintFile}, and keeps the definition if sound. */
  public static Checked check(Path file, ValidationOptions options) {
    JsonNode tree;
    try {
      tree = JsonDocuments.read(file);
    } catch (DocumentException e) {
      return new Checked(e.problems(), null);
    }
    List<Problem> problems = AslValidator.validate(tree, options);
    boolean sound = problems.stream().noneMatch(Problem::isError);
    return new Checked(problems, sound ? AslReader.read(tree) : null);
  }

  /** A named file as it is; a directory's definition files, recursively, in sorted order. */
  private static List<String> definitionFiles(String argument) throws IOException {
    Path path = Path.of(argument);
    if (!Files.isDirectory(path)) {
      return List.of(argument);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      Set<String> files = new LinkedHashSet<>();
      walk.filter(Files::isRegularFile)
          .filter(JsonDocuments::isDefinitionFile)
          .map(Path::toString)
          .sorted()
          .forEach(files::add);
      return List.copyOf(files);
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
