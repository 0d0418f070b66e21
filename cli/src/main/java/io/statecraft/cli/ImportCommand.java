package io.statecraft.cli;

import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code statecraft import FILE [--package P] [--class C] [--output DIR]}: turns an ASL definition
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
    return "Usage: statecraft import [--package NAME] [--class NAME] [--output DIR] FILE\n"
        + "\n"
        + "Reads FILE (.json, .asl.json, .yaml, .yml), checks it like lint, and prints Java source of a\n"
        + "class whose stateMachine() method builds the same definition with the Statecraft DSL.\n"
        + "\n"
        + "Options:\n"
        + "  --package NAME   the Java package (default: none)\n"
        + "  --class NAME     the class name (default: from the file name, patch-alerts.asl.json -> PatchAlerts)\n"
        + "  --output DIR     write DIR/<package path>/<class>.java instead of printing\n"
        + "\n"
        + "Exit status: 0 imported, 1 the definition has errors, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String packageName = "";
    String className = null;
    String output = null;
    String file = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--package" -> packageName = value(args, ++i, arg);
        case "--class" -> className = value(args, ++i, arg);
        case "--output" -> output = value(args, ++i, arg);
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          if (file != null) {
            throw new UsageException("import takes one file, got " + file + " and " + arg);
          }
          file = arg;
        }
      }
    }
    if (file == null) {
      throw new UsageException("no definition file given");
    }
    if (className == null) {
      className = JavaSourceImporter.classNameFor(Path.of(file).getFileName().toString());
    }
    Optional<AslDefinition> definition = DefinitionInput.read(file, err);
    if (definition.isEmpty()) {
      return ExitStatus.PROBLEMS;
    }
    JavaSourceImporter.Imported imported;
    try {
      imported = JavaSourceImporter.toJava(definition.get(), packageName, className);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    String source = file;
    imported.notes().forEach(note -> err.println(source + ": note: " + note));
    if (output == null) {
      out.print(imported.source());
      return ExitStatus.OK;
    }
    Path target = Path.of(output).resolve(imported.relativePath());
    try {
      err.println((GeneratedFiles.writeIfChanged(target, imported.source()) ? "wrote " : "up to date ") + target);
    } catch (UncheckedIOException e) {
      err.println("statecraft import: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    return ExitStatus.OK;
  }

  static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }
}
