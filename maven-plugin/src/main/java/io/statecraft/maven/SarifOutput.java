package io.statecraft.maven;

import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.asl.report.SarifReport;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;

/**
 * The {@code problems.sarif} the {@code lint} and {@code generate} goals write when asked ({@code
 * -Dstatecraft.sarif}): every problem of the run as a SARIF 2.1.0 log, with file names relative to
 * the project folder, so that code scanning shows them on the right lines.
 */
final class SarifOutput {

  /** The file's name, in the goal's output folder ({@code target/statecraft}). */
  static final String FILE_NAME = "problems.sarif";

  private SarifOutput() {}

  /**
   * Writes the log of {@code findings} into {@code directory}, only when its content changes.
   *
   * @param sourceRoots the project's Java source folders, where a state's Java file is looked up
   * @param basedir the project folder that the log's paths are relative to
   */
  static Path write(Path directory, List<Finding> findings, SarifReport.Sources sources, List<String> sourceRoots,
      Path basedir) throws MojoExecutionException {
    Path file = directory.resolve(FILE_NAME);
    try {
      GeneratedFiles.writeIfChanged(file, SarifReport.of(findings, sources.withJavaUri(
          source -> javaFile(source, sourceRoots, basedir))));
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("Cannot write " + file + ": " + e.getMessage(), e.getCause());
    }
    return file;
  }

  /** {@code path} relative to {@code basedir} when it lies inside, with forward slashes; else absolute. */
  static String relative(Path path, Path basedir) {
    Path base = basedir.toAbsolutePath().normalize();
    Path absolute = path.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(base) && !absolute.equals(base) ? base.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  // The DSL records a state's file relative to its source root (com/acme/Orders.java).
  private static String javaFile(SourceLocation source, List<String> sourceRoots, Path basedir) {
    for (String root : sourceRoots) {
      Path candidate = Path.of(root).resolve(source.file());
      if (Files.isRegularFile(candidate)) {
        return relative(candidate, basedir);
      }
    }
    return source.file();
  }
}
