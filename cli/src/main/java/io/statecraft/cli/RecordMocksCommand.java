package io.statecraft.cli;

import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.RecordedMocks;
import io.statecraft.generator.workflow.GeneratedFiles;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code statecraft record-mocks EXECUTION_ARN}: a mocks file from a real execution ({@link RecordedMocks}). */
final class RecordMocksCommand implements Command {

  private final AwsSettings base;

  RecordMocksCommand() {
    this(AwsSettings.defaults());
  }

  /** With settings the options start from; tests give fake credentials. */
  RecordMocksCommand(AwsSettings base) {
    this.base = base;
  }

  @Override
  public String name() {
    return "record-mocks";
  }

  @Override
  public String summary() {
    return "Write a mocks file from a finished execution, for offline regression tests";
  }

  @Override
  public String help() {
    return "Usage: statecraft record-mocks EXECUTION_ARN [--output FILE] [--redact JSONPATH]... [options]\n"
        + "\n"
        + "Reads the execution's whole history (GetExecutionHistory) and writes a mocks file (docs/testing.md):\n"
        + "each Task state's results in order, its errors, how long each took. Without --output it is printed.\n"
        + "The history holds real data: review the file before committing it.\n"
        + "\n"
        + "Options:\n"
        + "  --output FILE          write the mocks here (only when the content changes)\n"
        + "  --redact JSONPATH      replace the value at this path of every task result with \"REDACTED\"\n"
        + AwsOptions.HELP
        + "\n"
        + "Exit status: 0 written, 1 AWS could not be called, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    AwsOptions aws = new AwsOptions(base);
    String executionArn = null;
    String output = null;
    List<String> redact = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int next = aws.accept(args, i);
      if (next >= 0) {
        i = next;
        continue;
      }
      switch (arg) {
        case "--help", "-h" -> {
          out.print(help());
          return ExitStatus.OK;
        }
        case "--output" -> output = Options.value(args, ++i, arg);
        case "--redact" -> redact.add(Options.value(args, ++i, arg));
        default -> {
          if (arg.startsWith("-") || executionArn != null) {
            throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg);
          }
          executionArn = arg;
        }
      }
    }
    if (executionArn == null || !executionArn.startsWith("arn:")) {
      throw new UsageException("give the execution's ARN: arn:aws:states:REGION:ACCOUNT:execution:MACHINE:NAME");
    }
    String text;
    try {
      text = CanonicalJson.write(RecordedMocks.record(executionArn, redact, aws.settings()));
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (AwsException e) {
      err.println("statecraft record-mocks: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    err.println("warning: the execution history holds real inputs and outputs; review the mocks before committing"
        + " them, and hide secrets with --redact");
    if (output == null) {
      out.print(text);
    } else {
      boolean written = GeneratedFiles.writeIfChanged(Path.of(output), text);
      err.println((written ? "wrote " : "up to date ") + output);
    }
    return ExitStatus.OK;
  }
}
