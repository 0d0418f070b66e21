package io.statecraft.maven;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Imports an ASL definition (a console or Workflow Studio design, an IaC-generator export) as
 * Java source that builds the same definition with the Statecraft DSL, so that work continues in
 * Java: {@code mvn statecraft:import -Dstatecraft.file=flow.asl.json -Dstatecraft.package=com.acme}.
 * The definition is linted first; one with errors is not imported.
 */
@Mojo(name = "import", requiresProject = false, threadSafe = true)
public final class ImportMojo extends AbstractMojo {

  /** Where relative paths start: the project folder, or the current folder without a project. */
  @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
  private File basedir;

  /** The definition to import: {@code .json}, {@code .asl.json}, {@code .yaml} or {@code .yml}. */
  @Parameter(property = "statecraft.file")
  private String file;

  /** The Java package of the generated class; none by default. */
  @Parameter(property = "statecraft.package", defaultValue = "")
  private String packageName;

  /**
   * The generated class's simple name; by default made from the file name
   * ({@code patch-alerts.asl.json} becomes {@code PatchAlerts}).
   */
  @Parameter(property = "statecraft.class")
  private String className;

  /** The source root the class is written under, in its package's folders. */
  @Parameter(property = "statecraft.sourceDirectory", defaultValue = "${basedir}/src/main/java")
  private File sourceDirectory;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path path = SoundDefinition.locate(basedir, file, "import");
    AslDefinition definition = SoundDefinition.read(path, file, "import", getLog());
    String name = className == null || className.isBlank()
        ? JavaSourceImporter.classNameFor(path.getFileName().toString())
        : className.strip();
    JavaSourceImporter.Imported imported;
    try {
      imported = JavaSourceImporter.toJava(definition, packageName == null ? "" : packageName.strip(), name);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("Cannot import " + file + ": " + e.getMessage());
    }
    imported.notes().forEach(note -> getLog().warn(file + ": " + note));
    Path target = sourceDirectory.toPath().resolve(imported.relativePath());
    try {
      boolean written = GeneratedFiles.writeIfChanged(target, imported.source());
      getLog().info((written ? "Wrote " : "Up to date: ") + basedir.toPath().toAbsolutePath().relativize(target.toAbsolutePath()));
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
