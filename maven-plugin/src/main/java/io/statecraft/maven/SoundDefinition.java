package io.statecraft.maven;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.validate.ValidationOptions;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Reads one definition file for a goal that needs a sound definition ({@code import},
 * {@code render}): checked with the lint rules first, so that a definition with errors stops the
 * goal with every problem listed, as {@code lint} would list them.
 */
final class SoundDefinition {

  private SoundDefinition() {}

  /** The file named by a goal's {@code file} parameter, resolved against {@code basedir}. */
  static Path locate(File basedir, String file, String goal) throws MojoExecutionException {
    if (file == null || file.isBlank()) {
      throw new MojoExecutionException("Name the definition to " + goal + " with -Dstatecraft.file=flow.asl.json"
          + " or <file>flow.asl.json</file>");
    }
    Path given = Path.of(file.strip());
    Path path = given.isAbsolute() ? given : basedir.toPath().resolve(given).normalize();
    if (!Files.isRegularFile(path)) {
      throw new MojoExecutionException("No such definition file: " + file);
    }
    return path;
  }

  /** The definition in {@code path}; warnings are logged, errors fail the goal. */
  static AslDefinition read(Path path, String shownAs, String goal, Log log) throws MojoFailureException {
    DefinitionLinter.Checked checked = DefinitionLinter.check(path, ValidationOptions.defaults());
    if (!checked.isSound()) {
      StringBuilder message = new StringBuilder(shownAs + " has errors, so it cannot be used by " + goal
          + "; fix them first (statecraft:lint)");
      checked.problems().forEach(problem -> message.append("\n  ").append(shownAs).append(": ").append(problem.reportLine()));
      throw new MojoFailureException(message.toString());
    }
    checked.problems().forEach(problem -> log.warn(shownAs + ": " + problem.reportLine()));
    return checked.definition();
  }
}
