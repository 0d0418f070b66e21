package io.statecraft.cli;

import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.Execution;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** {@code statecraft start}: starts an execution of a deployed state machine ({@link Execution}). */
final class StartCommand implements Command {

  private final AwsSettings base;
  private final Duration pollInterval;

  StartCommand() {
    this(AwsSettings.defaults(), Duration.ofSeconds(2));
  }

  /** With settings the options start from and a poll interval; tests give their own. */
  StartCommand(AwsSettings base, Duration pollInterval) {
    this.base = base;
    this.pollInterval = pollInterval;
  }

  @Override
  public String name() {
    return "start";
  }

  @Override
  public String summary() {
    return "Start an execution of a deployed state machine, optionally waiting for its result";
  }

  @Override
  public String help() {
    return "Usage: statecraft start (--stack-name NAME | --state-machine-arn ARN) [--input JSON|@FILE] [--name NAME] [--wait] [options]\n"
        + "\n"
        + "Starts an execution (StartExecution) of the state machine given by ARN, or by the StateMachineArn\n"
        + "output of its stack, and prints the execution's ARN and console link. With --wait, waits for it\n"
        + "(Standard workflows) and prints its output on stdout, or its error and cause on stderr.\n"
        + "\n"
        + "Options:\n"
        + "  --stack-name NAME      the stack whose StateMachineArn output names the state machine\n"
        + "  --state-machine-arn A  the state machine\n"
        + "  --input JSON|@FILE     the input (default {})\n"
        + "  --name NAME            the execution's name (default: one Step Functions chooses)\n"
        + "  --wait                 wait for the execution to finish\n"
        + AwsOptions.HELP
        + "\n"
        + "Exit status: 0 started (or succeeded, with --wait), 1 failed, timed out or aborted, or AWS could\n"
        + "not be called, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    AwsOptions aws = new AwsOptions(base);
    String stack = null;
    String arn = null;
    String input = "{}";
    String name = null;
    boolean wait = false;
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
        case "--stack-name" -> stack = Options.value(args, ++i, arg);
        case "--state-machine-arn" -> arn = Options.value(args, ++i, arg);
        case "--input" -> input = input(Options.value(args, ++i, arg));
        case "--name" -> name = Options.value(args, ++i, arg);
        case "--wait" -> wait = true;
        default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg);
      }
    }
    if ((stack == null) == (arn == null)) {
      throw new UsageException("name the state machine with either --stack-name or --state-machine-arn");
    }
    Execution.Outcome outcome;
    try {
      outcome = Execution.start(new Execution.Request(arn, stack, input, name, wait, pollInterval), aws.settings(),
          err::println);
    } catch (AwsException e) {
      err.println("statecraft start: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    if (outcome.output() != null) {
      out.println(outcome.output());
    }
    if (outcome.error() != null || outcome.cause() != null) {
      err.println("error: " + outcome.error());
      err.println("cause: " + outcome.cause());
    }
    return outcome.succeeded() ? ExitStatus.OK : ExitStatus.PROBLEMS;
  }

  private static String input(String value) throws UsageException {
    if (!value.startsWith("@")) {
      return value;
    }
    Path file = Path.of(value.substring(1));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UsageException("cannot read the input file " + file);
    }
  }
}
