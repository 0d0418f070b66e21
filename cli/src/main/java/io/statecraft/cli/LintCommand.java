package io.statecraft.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.asl.lint.DefinitionLinter.Report;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
    Report report = DefinitionLinter.lint(options.paths());
    if (options.format() == Format.JSON) {
      out.print(toJson(report.findings()));
    } else {
      report.findings().forEach(finding -> out.println(finding.describe()));
    }
    err.println(report.summary());
    return report.failed(options.warningsAsErrors()) ? ExitStatus.PROBLEMS : ExitStatus.OK;
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
}
