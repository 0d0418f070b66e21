package io.statecraft.generator.workflow;

import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow turned into its output files, with every problem found on the way.
 *
 * @param id the workflow id, which names its folder and its artifacts' classifier
 * @param definition the compiled state machine definition (with {@code ${Name}} placeholders)
 * @param files the content of each output file, canonical and ending with a newline
 * @param problems errors and warnings of the definition and the template, sorted
 */
public record CompiledWorkflow(
    String id, CompiledDefinition definition, Map<OutputFile, String> files, List<Problem> problems) {

  public CompiledWorkflow {
    files = Collections.unmodifiableMap(new EnumMap<>(files));
    problems = List.copyOf(problems);
  }

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  public boolean hasErrors() {
    for (Problem problem : problems) {
      if (problem.isError()) {
        return true;
      }
    }
    return false;
  }

  public List<Problem> warnings() {
    List<Problem> warnings = new ArrayList<>();
    for (Problem problem : problems) {
      if (!problem.isError()) {
        warnings.add(problem);
      }
    }
    return Collections.unmodifiableList(warnings);
  }

  /** This workflow when it has no error; otherwise a {@link ProblemException} with every problem. */
  public CompiledWorkflow orThrow() {
    if (hasErrors()) {
      throw new ProblemException("workflow " + id, problems);
    }
    return this;
  }

  /**
   * Writes the chosen files into {@code directory} (usually {@code target/statecraft/<id>}), each
   * only when its bytes changed, each atomically. A workflow with errors writes nothing, so the
   * files of the last good build stay as they were.
   *
   * @return the files written; empty when all were up to date
   * @throws ProblemException when the workflow has errors
   */
  public List<OutputFile> writeTo(Path directory, Set<OutputFile> which) {
    orThrow();
    // One unit: a template never sits next to a definition.asl.json of another run.
    Map<Path, String> contents = new java.util.LinkedHashMap<>();
    for (Map.Entry<OutputFile, String> file : files.entrySet()) {
      if (which.contains(file.getKey())) {
        contents.put(directory.resolve(file.getKey().fileName()), file.getValue());
      }
    }
    Set<Path> changed = GeneratedFiles.writeAllIfChanged(contents);
    List<OutputFile> written = new ArrayList<>();
    for (OutputFile file : files.keySet()) {
      if (changed.contains(directory.resolve(file.fileName()))) {
        written.add(file);
      }
    }
    return written;
  }
}
