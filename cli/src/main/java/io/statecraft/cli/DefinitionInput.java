package io.statecraft.cli;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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
    DefinitionLinter.Checked checked = DefinitionLinter.check(path, ValidationOptions.defaults());
    checked.problems().forEach(problem -> err.println(file + ": " + problem.reportLine()));
    if (!checked.isSound()) {
      err.println(file + ": not used, because it has errors; fix them first (statecraft lint " + file + ")");
      return Optional.empty();
    }
    return Optional.of(checked.definition());
  }
}
