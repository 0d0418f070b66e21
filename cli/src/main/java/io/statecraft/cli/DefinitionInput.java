package io.statecraft.cli;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.generator.Problem;
import io.statecraft.generator.asl.AslReader;
import io.statecraft.generator.json.DocumentException;
import io.statecraft.generator.json.JsonDocuments;
import io.statecraft.generator.validate.AslValidator;
import io.statecraft.generator.validate.ValidationOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads one definition file for a command that needs a sound definition (import, render, run):
 * a file that cannot be read or has errors is reported like {@code lint} reports it, and the
 * command stops with status 1.
 */
final class DefinitionInput {

  private DefinitionInput() {}

  /** The definition in {@code file}, or empty after printing why it cannot be used. */
  static Optional<AslDefinition> read(String file, PrintStream err) throws UsageException {
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException("no such file: " + file);
    }
    List<Problem> problems;
    com.fasterxml.jackson.databind.JsonNode tree;
    try {
      tree = JsonDocuments.read(path);
      problems = AslValidator.validate(tree, ValidationOptions.defaults());
    } catch (DocumentException e) {
      e.problems().forEach(problem -> err.println(file + ": " + problem.describe()));
      return Optional.empty();
    }
    problems.forEach(problem -> err.println(file + ": " + problem.describe()));
    if (problems.stream().anyMatch(Problem::isError)) {
      err.println(file + ": not used, because it has errors; fix them first (statecraft lint " + file + ")");
      return Optional.empty();
    }
    return Optional.of(AslReader.read(tree));
  }
}
