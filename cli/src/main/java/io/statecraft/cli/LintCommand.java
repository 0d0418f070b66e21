package io.statecraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.generator.Problem;
import io.statecraft.generator.json.DocumentCodes;
import io.statecraft.generator.json.DocumentException;
import io.statecraft.generator.json.JsonDocuments;
import io.statecraft.generator.json.JsonPointers;
import io.statecraft.generator.validate.AslValidator;
import io.statecraft.generator.validate.ValidationOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code statecraft lint FILE_OR_DIR...}: checks Step Functions definitions and prints every
 * problem, one per line as {@code FILE: SEVERITY CODE POINTER: message}, or as a JSON array with
 * {@code --format json}. A file that cannot be read or is not a state machine is a problem of that
 * file, and the other files are still checked.
 */
public final class LintCommand implements Command {

  /** How the problems are printed. */
  enum Format {
    TEXT,
    JSON
  }

  /** The parsed command line of one run. */
  record Options(Format format, boolean warningsAsErrors, List<String> paths) {}

  /** One problem of one file. */
  record Finding(String file, Problem problem) {}

  @Override
  public String name() {
    return "lint";
  }

  @Override
  public String summary() {
    return "Check Step Functions definitions (.json, .asl.json, .yaml, .yml) and report every problem";
  }

  @Override
  public String help() {
    return "Usage: statecraft lint [--format text|json] [--warnings-as-errors] FILE_OR_DIR...\n"
        + "\n"
        + "Checks each definition file, and every .json, .asl.json, .yaml and .yml file under each\n"
        + "directory (recursively, in sorted order), and prints one line per problem:\n"
        + "  FILE: SEVERITY CODE POINTER: message\n"
        + "then a summary line on stderr. The codes are explained in docs/validation-rules.md.\n"
        + "\n"
        + "Options:\n"
        + "  --format text|json     text (default), or a JSON array of {file, severity, code, pointer, message}\n"
        + "  --warnings-as-errors   exit 1 when there are warnings, too\n"
        + "  -h, --help             show this help\n"
        + "\n"
        + "Exit status: 0 no errors, 1 errors found, 2 bad usage (no path, a missing path, an unknown option).\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    if (args.contains("--help") || args.contains("-h")) {
      out.print(help());
      return ExitStatus.OK;
    }
    Options options = parse(args);
    List<String> files = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (String path : options.paths()) {
      try {
        files.addAll(definitionFiles(path));
      } catch (IOException | UncheckedIOException e) {
        String reason = e instanceof UncheckedIOException unchecked ? unchecked.getCause().toString() : e.toString();
        findings.add(new Finding(path, Problem.error(DocumentCodes.INVALID_JSON_DESCRIPTION, JsonPointers.ROOT,
            "cannot list the directory: " + reason)));
      }
    }
    for (String file : files) {
      for (Problem problem : lint(Path.of(file))) {
        findings.add(new Finding(file, problem));
      }
    }
    if (options.format() == Format.JSON) {
      out.print(toJson(findings));
    } else {
      findings.forEach(finding -> out.println(finding.file() + ": " + finding.problem().describe()));
    }
    long errors = findings.stream().filter(finding -> finding.problem().isError()).count();
    long warnings = findings.size() - errors;
    err.println(count(files.size(), "file") + ", " + count(errors, "error") + ", " + count(warnings, "warning"));
    boolean failed = errors > 0 || options.warningsAsErrors() && warnings > 0;
    return failed ? ExitStatus.PROBLEMS : ExitStatus.OK;
  }

  static Options parse(List<String> args) throws UsageException {
    Format format = Format.TEXT;
    boolean warningsAsErrors = false;
    List<String> paths = new ArrayList<>();
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        paths.add(arg);
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else if (arg.equals("--warnings-as-errors")) {
        warningsAsErrors = true;
      } else if (arg.equals("--format") || arg.startsWith("--format=")) {
        String value;
        if (arg.equals("--format")) {
          if (i + 1 >= args.size()) {
            throw new UsageException("--format needs a value: text or json");
          }
          value = args.get(++i);
        } else {
          value = arg.substring("--format=".length());
        }
        format = parseFormat(value);
      } else {
        throw new UsageException("unknown option '" + arg + "'");
      }
    }
    if (paths.isEmpty()) {
      throw new UsageException("no file or directory to check");
    }
    for (String path : paths) {
      if (!Files.exists(Path.of(path))) {
        throw new UsageException("no such file or directory: " + path);
      }
    }
    return new Options(format, warningsAsErrors, paths);
  }

  private static Format parseFormat(String value) throws UsageException {
    switch (value) {
      case "text":
        return Format.TEXT;
      case "json":
        return Format.JSON;
      default:
        throw new UsageException("unknown format '" + value + "'; use text or json");
    }
  }

  /** A named file as it is; a directory's definition files, recursively, in sorted order. */
  private static List<String> definitionFiles(String argument) throws IOException {
    Path path = Path.of(argument);
    if (!Files.isDirectory(path)) {
      return List.of(argument);
    }
    try (Stream<Path> walk = Files.walk(path)) {
      Set<String> files = new LinkedHashSet<>();
      walk.filter(Files::isRegularFile)
          .filter(JsonDocuments::isDefinitionFile)
          .map(Path::toString)
          .sorted()
          .forEach(files::add);
      return List.copyOf(files);
    }
  }

  private static List<Problem> lint(Path file) {
    try {
      return AslValidator.validate(JsonDocuments.read(file), ValidationOptions.defaults());
    } catch (DocumentException e) {
      return e.problems();
    }
  }

  private static String toJson(List<Finding> findings) {
    ObjectMapper mapper = JsonDocuments.mapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (Finding finding : findings) {
      Problem problem = finding.problem();
      ObjectNode item = array.addObject()
          .put("file", finding.file())
          .put("severity", problem.severity().name())
          .put("code", problem.code())
          .put("pointer", problem.pointer())
          .put("message", problem.message());
      problem.sourceLocation().ifPresent(source -> item.put("source", source.toString()));
    }
    try {
      return mapper.writeValueAsString((JsonNode) array).replace("\r\n", "\n") + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the report as JSON", e);
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
