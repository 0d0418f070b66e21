package io.statecraft.cli;

import io.statecraft.asl.diagram.MermaidDiagram;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code statecraft render [--output FILE | --output-dir DIR] DEFINITION...}: draws definitions as
 * Mermaid flowcharts; one printed, or each written to its own file, all in one JVM so that a script
 * over many files does not pay a JVM start per file.
 */
final class RenderCommand implements Command {

  @Override
  public String name() {
    return "render";
  }

  @Override
  public String summary() {
    return "Draw definitions as Mermaid flowcharts (diagram.mmd)";
  }

  @Override
  public String help() {
    return "Usage: statecraft render [--output FILE | --output-dir DIR] DEFINITION...\n"
        + "\n"
        + "Checks each DEFINITION like lint and draws it as a Mermaid flowchart, which GitHub, GitLab and\n"
        + "most documentation tools draw. One definition is printed, or written to FILE with --output;\n"
        + "with --output-dir each is written to DIR/<name>.mmd (flow.asl.json -> flow.mmd), which\n"
        + "several definitions need. A definition with errors is reported and the others are still drawn.\n"
        + "\n"
        + "Exit status: 0 drawn, 1 a definition has errors (or a file cannot be written), 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String output = null;
    String outputDir = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("--output")) {
        output = Options.value(args, ++i, arg);
      } else if (arg.equals("--output-dir")) {
        outputDir = Options.value(args, ++i, arg);
      } else if (arg.startsWith("-")) {
        throw new UsageException("unknown option " + arg);
      } else {
        files.add(arg);
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("no definition file given");
    }
    if (output != null && outputDir != null) {
      throw new UsageException("--output names one file and --output-dir a folder; give one of them");
    }
    if (output != null && files.size() > 1) {
      throw new UsageException("--output names one file, but " + files.size()
          + " definitions were given; use --output-dir DIR to write each to DIR/<name>.mmd");
    }
    if (outputDir == null && output == null && files.size() > 1) {
      throw new UsageException(files.size() + " definitions were given; use --output-dir DIR to write each "
          + "to DIR/<name>.mmd");
    }
    Map<String, Path> targets = targets(files, output, outputDir);
    int status = ExitStatus.OK;
    Map<Path, String> drawings = new LinkedHashMap<>();
    for (String file : files) {
      Optional<AslDefinition> definition = DefinitionInput.read(file, err);
      if (definition.isEmpty()) {
        status = ExitStatus.PROBLEMS;
      } else if (targets.isEmpty()) {
        out.print(MermaidDiagram.render(definition.get()));
      } else {
        drawings.put(targets.get(file), MermaidDiagram.render(definition.get()));
      }
    }
    if (drawings.isEmpty()) {
      return status;
    }
    // One unit: each folder is searched for leftovers and synced once, not once per file.
    Set<Path> written;
    try {
      written = GeneratedFiles.writeAllIfChanged(drawings);
    } catch (UncheckedIOException e) {
      err.println("statecraft render: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    for (Path target : drawings.keySet()) {
      err.println((written.contains(target) ? "wrote " : "up to date ") + target);
    }
    return status;
  }

  /**
   * Where each file's drawing goes, worked out before anything is read: nothing when it is
   * printed, and a usage error when two definitions would be drawn into the same file.
   */
  private static Map<String, Path> targets(List<String> files, String output, String outputDir)
      throws UsageException {
    Map<String, Path> targets = new HashMap<>();
    if (output != null) {
      targets.put(files.get(0), Path.of(output));
    } else if (outputDir != null) {
      Map<Path, String> drawnFrom = new HashMap<>();
      for (String file : files) {
        Path name = Path.of(file).getFileName();
        Path target = Path.of(outputDir).resolve(MermaidDiagram.fileNameFor(name == null ? file : name.toString()));
        String other = drawnFrom.putIfAbsent(target, file);
        if (other != null) {
          throw new UsageException(other + " and " + file + " would both be drawn into " + target
              + "; render them into different folders");
        }
        targets.put(file, target);
      }
    }
    return targets;
  }
}
