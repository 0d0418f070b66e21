package io.statecraft.cli;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.diagram.MermaidDiagram;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code statecraft render FILE [--output FILE]}: draws a definition as a Mermaid flowchart. */
final class RenderCommand implements Command {

  @Override
  public String name() {
    return "render";
  }

  @Override
  public String summary() {
    return "Draw a definition as a Mermaid flowchart (diagram.mmd)";
  }

  @Override
  public String help() {
    return "Usage: statecraft render [--output FILE] DEFINITION\n"
        + "\n"
        + "Checks DEFINITION like lint and prints it as a Mermaid flowchart, which GitHub, GitLab and most\n"
        + "documentation tools draw; --output writes it to FILE instead.\n"
        + "\n"
        + "Exit status: 0 drawn, 1 the definition has errors, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String output = null;
    String file = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--output")) {
        output = ImportCommand.value(args, ++i, arg);
      } else if (arg.startsWith("-")) {
        throw new UsageException("unknown option " + arg);
      } else if (file != null) {
        throw new UsageException("render takes one file, got " + file + " and " + arg);
      } else {
        file = arg;
      }
    }
    if (file == null) {
      throw new UsageException("no definition file given");
    }
    Optional<AslDefinition> definition = DefinitionInput.read(file, err);
    if (definition.isEmpty()) {
      return ExitStatus.PROBLEMS;
    }
    String diagram = MermaidDiagram.render(definition.get());
    if (output == null) {
      out.print(diagram);
      return ExitStatus.OK;
    }
    Path target = Path.of(output);
    try {
      err.println((GeneratedFiles.writeIfChanged(target, diagram) ? "wrote " : "up to date ") + target);
    } catch (UncheckedIOException e) {
      err.println("statecraft render: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    return ExitStatus.OK;
  }
}
