package io.statecraft.cli;

import io.statecraft.asl.lint.DefinitionLinter;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.asl.lint.DefinitionLinter.Report;
import io.statecraft.asl.report.ProblemReports;
import io.statecraft.asl.report.ProblemReports.Format;
import io.statecraft.asl.report.SarifReport;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code statecraft lint FILE_OR_DIR...}: checks Step Functions definitions and prints every
 * problem, one per line as {@code FILE: SEVERITY CODE POINTER: message}, or as a JSON array with
 * {@code --format json}, or as a SARIF 2.1.0 log with {@code --format sarif}. A file that cannot
 * be read or is not a state machine is a problem of that
 * file, and the other files are still checked.
 */
public final class LintCommand implements Command {

  /** The parsed command line of one run. */
  record Options(Format format, boolean warningsAsErrors, List<String> paths) {}

  /** The formats, as --format names them in messages. */
  static final String FORMATS = "text, json or sarif";

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
    return "Usage: statecraft lint [--format text|json|sarif] [--warnings-as-errors] FILE_OR_DIR...\n"
        + "\n"
        + "Checks each definition file, and every .json, .asl.json, .yaml and .yml file under each\n"
        + "directory (recursively, in sorted order), and prints one line per problem:\n"
        + "  FILE: SEVERITY CODE POINTER: message [AWS: CODE]\n"
        + "then a summary line on stderr. The codes are explained in docs/validation-rules.md; [AWS: CODE]\n"
        + "is the code Step Functions reports for the problem, where it differs.\n"
        + "\n"
        + "Options:\n"
        + "  --format text|json|sarif  text (default); a JSON array of {file, severity, code, awsCode, pointer,\n"
        + "                         message}; or a SARIF 2.1.0 log for code scanning and IDEs\n"
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
    print(report.findings(), options.format(), SarifReport.Sources.fromFiles(), out);
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
            throw new UsageException("--format needs a value: " + FORMATS);
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

  static Format parseFormat(String value) throws UsageException {
    Format format = Format.named(value);
    if (format == null) {
      throw new UsageException("unknown format '" + value + "'; use " + FORMATS);
    }
    return format;
  }

  /** Prints {@code findings} in {@code format}: the one way lint and generate print a report. */
  static void print(List<Finding> findings, Format format, SarifReport.Sources sources, PrintStream out) {
    switch (format) {
      case JSON:
        out.print(ProblemReports.json(findings));
        break;
      case SARIF:
        out.print(SarifReport.of(findings, sources));
        break;
      default:
        findings.forEach(finding -> out.println(finding.describe()));
        break;
    }
  }
}
