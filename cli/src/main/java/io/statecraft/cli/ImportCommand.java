package io.statecraft.cli;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;

/**
 * {@code statecraft import FILE... [--package P] [--class C] [--output DIR]}: turns an ASL definition
 * (a console or Workflow Studio design, an IaC-generator export) into Java source that builds it
 * with the Statecraft DSL.
 */
final class ImportCommand implements Command {

  @Override
  public String name() {
    return "import";
  }

  @Override
  public String summary() {
    return "Turn an ASL definition into Java source that builds it with the DSL";
  }

  @Override
  public String help() {
    return "Usage: statecraft import [--package NAME] [--class NAME] [--output DIR] FILE...\n"
        + "\n"
        + "Reads each FILE (.json, .asl.json, .yaml, .yml), checks it like lint, and prints Java source of a\n"
        + "class whose stateMachine() method builds the same definition with the Statecraft DSL.\n"
        + "Several files need --output; nothing is written unless every file imports.\n"
        + "\n"
        + "Options:\n"
        + "  --package NAME   the Java package (default: none)\n"
        + "  --class NAME     the class name, for one FILE (default: from the file name, patch-alerts.asl.json -> PatchAlerts)\n"
        + "  --output DIR     write DIR/<package path>/<class>.java instead of printing (DIR is created if missing)\n"
        + "\n"
        + "Exit status: 0 imported, 1 a definition has errors, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String packageName = "";
    String className = null;
    String output = null;
    List<String> files = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--package" -> packageName = Options.value(args, ++i, arg);
        case "--class" -> className = Options.value(args, ++i, arg);
        case "--output" -> output = Options.value(args, ++i, arg);
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          files.add(arg);
        }
      }
    }
    if (files.isEmpty()) {
      throw new UsageException("no definition file given");
    }
    if (files.size() > 1 && className != null) {
      throw new UsageException("--class names one class, but " + files.size() + " files were given; leave it out "
          + "to name each class after its file");
    }
    if (files.size() > 1 && output == null) {
      throw new UsageException(files.size() + " files were given; write them into a folder with --output DIR");
    }
    Map<Path, String> sources = new LinkedHashMap<>();
    Map<Path, String> importedFrom = new LinkedHashMap<>();
    boolean sound = true;
    for (String file : files) {
      String name = className != null ? className : JavaSourceImporter.classNameFor(Path.of(file).getFileName().toString());
      Optional<AslDefinition> definition = DefinitionInput.read(file, err);
      if (definition.isEmpty()) {
        sound = false;
        continue;
      }
      JavaSourceImporter.Imported imported;
      try {
        imported = JavaSourceImporter.toJava(definition.get(), packageName, name);
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      }
      imported.notes().forEach(note -> err.println(file + ": note: " + note));
      Path target = output == null ? imported.relativePath() : Path.of(output).resolve(imported.relativePath());
      String earlier = importedFrom.putIfAbsent(target, file);
      if (earlier != null) {
        throw new UsageException(earlier + " and " + file + " would both be written to " + target
            + "; import them separately with --class");
      }
      sources.put(target, imported.source());
    }
    if (!sound) {
      return ExitStatus.PROBLEMS;
    }
    if (output == null) {
      out.print(sources.values().iterator().next());
      return ExitStatus.OK;
    }
    try {
      Set<Path> written = GeneratedFiles.writeAllIfChanged(sources);
      sources.keySet().forEach(target -> err.println((written.contains(target) ? "wrote " : "up to date ") + target));
    } catch (UncheckedIOException e) {
      err.println("statecraft import: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    return ExitStatus.OK;
  }
}
