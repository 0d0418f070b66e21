package io.statecraft.maven;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.diagram.MermaidDiagram;
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
 * Draws an ASL definition as a Mermaid flowchart, the same drawing {@code generate} writes as
 * {@code diagram.mmd}: {@code mvn statecraft:render -Dstatecraft.file=flow.asl.json} writes
 * {@code flow.mmd} beside it. The definition is linted first; one with errors is not drawn.
 */
@Mojo(name = "render", requiresProject = false, threadSafe = true)
public final class RenderMojo extends AbstractMojo {

  /** Where relative paths start: the project folder, or the current folder without a project. */
  @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
  private File basedir;

  /** The definition to draw: {@code .json}, {@code .asl.json}, {@code .yaml} or {@code .yml}. */
  @Parameter(property = "statecraft.file")
  private String file;

  /** The Mermaid file to write; by default the definition's name with {@code .mmd}, beside it. */
  @Parameter(property = "statecraft.output")
  private File output;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    Path path = SoundDefinition.locate(basedir, file, "render");
    AslDefinition definition = SoundDefinition.read(path, file, "render", getLog());
    Path target = output != null ? output.toPath() : path.resolveSibling(MermaidDiagram.fileNameFor(path.getFileName().toString()));
    try {
      boolean written = GeneratedFiles.writeIfChanged(target, MermaidDiagram.render(definition));
      getLog().info((written ? "Wrote " : "Up to date: ") + basedir.toPath().toAbsolutePath().relativize(target.toAbsolutePath()));
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }
}
