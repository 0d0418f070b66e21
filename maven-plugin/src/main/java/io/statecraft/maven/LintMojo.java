package io.statecraft.maven;

import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.report.SarifReport;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.asl.lint.DefinitionLinter.Report;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lints Step Functions definition files: every {@code .json}, {@code .asl.json}, {@code .yaml}
 * and {@code .yml} file named, or found under a named directory, is checked with the same rules
 * as {@code statecraft lint} on the command line. Works without a project:
 * {@code mvn io.statecraft:statecraft-maven-plugin:lint -Dstatecraft.paths=flows}.
 *
 * <p>Errors fail the build with every problem listed, one per line as {@code FILE: SEVERITY CODE
 * POINTER: message}; warnings are logged.
 */
@Mojo(name = "lint", requiresProject = false, threadSafe = true)
public final class LintMojo extends AbstractMojo {

  /** Where relative paths start: the project folder, or the current folder without a project. */
  @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
  private File basedir;

  /**
   * The definition files and directories to lint, relative to the project folder; on the command
   * line, comma-separated ({@code -Dstatecraft.paths=src/main/asl,legacy.asl.json}).
   */
  @Parameter(property = "statecraft.paths")
  private List<String> paths;

  /** Fails the build on warnings, too. */
  @Parameter(property = "statecraft.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /**
   * Also writes every problem as a SARIF 2.1.0 log to {@code target/statecraft/problems.sarif}
   * (paths relative to the project folder), for GitHub code scanning and IDEs.
   */
  @Parameter(property = "statecraft.sarif", defaultValue = "false")
  private boolean sarif;

  /** Skips the goal. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Statecraft lint (statecraft.skip)");
      return;
    }
    List<String> files = new ArrayList<>();
    if (paths != null) {
      for (String path : paths) {
        if (!path.isBlank()) {
          files.add(resolve(path.strip()).toString());
        }
      }
    }
    if (files.isEmpty()) {
      throw new MojoExecutionException("Nothing to lint: name the definition files and directories with"
          + " -Dstatecraft.paths=flows,legacy.asl.json or <paths><path>flows</path></paths>");
    }
    for (String file : files) {
      if (!Files.exists(Path.of(file))) {
        throw new MojoExecutionException("No such file or directory: " + shown(file));
      }
    }
    Report report = DefinitionLinter.lint(files);
    String summary = "statecraft lint: " + report.summary();
    if (sarif) {
      List<Finding> shownFindings = report.findings().stream()
          .map(finding -> new Finding(shown(finding.file()), finding.problem())).toList();
      SarifReport.Sources sources = SarifReport.Sources.fromFiles();
      Path written = SarifOutput.write(basedir.toPath().resolve("target").resolve("statecraft"), shownFindings,
          new SarifReport.Sources(file -> sources.documentText().apply(resolve(file).toString()), sources.javaUri()),
          List.of(), basedir.toPath());
      getLog().info("statecraft lint: wrote " + shown(written.toString()));
    }
    if (report.failed(failOnWarning)) {
      StringBuilder message = new StringBuilder(summary);
      for (Finding finding : report.findings()) {
        message.append("\n  ").append(shown(finding.file())).append(": ").append(finding.problem().reportLine());
      }
      throw new MojoFailureException(message.toString());
    }
    for (Finding finding : report.findings()) {
      getLog().warn(shown(finding.file()) + ": " + finding.problem().reportLine());
    }
    getLog().info(summary);
  }

  private Path resolve(String path) {
    Path given = Path.of(path);
    return given.isAbsolute() ? given : basedir.toPath().resolve(given).normalize();
  }

  // Relative to the project folder, so that the report reads the same on every machine.
  private String shown(String file) {
    Path base = basedir.toPath().toAbsolutePath().normalize();
    Path path = Path.of(file).toAbsolutePath().normalize();
    return path.startsWith(base) && !path.equals(base) ? base.relativize(path).toString() : path.toString();
  }
}
