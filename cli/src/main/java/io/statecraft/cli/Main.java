package io.statecraft.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code statecraft} command line: {@code java -jar statecraft.jar <command> [arguments]}.
 * Dispatches the first argument to a {@link Command}; prints usage for {@code --help} and {@code
 * help}; turns bad usage into a one-line error plus usage on stderr and exit status 2; and catches
 * everything else at the top (exit status 3), so that no stack trace ever reaches the user.
 */
public final class Main {

  /** Every command, by name. Add a command here, one line each. */
  static final List<Command> COMMANDS = List.of(
      new LintCommand(),
      new ImportCommand(),
      new AdoptCommand(),
      new RenderCommand(),
      new GenerateCommand(),
      new RunCommand(),
      new ValidateCommand(),
      new DeployCommand(),
      new StartCommand(),
      new RecordMocksCommand());

  private Main() {}

  public static void main(String[] args) {
    quietenSlf4j();
    System.exit(run(args, System.out, System.err));
  }

  static void quietenSlf4j() {
    // JsonPath logs through SLF4J and the jar ships no logger; without this, SLF4J prints a
    // three-line notice about it on every run, which is noise to a user.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  /**
   * Runs the command line and returns its exit status; {@link #main} is the only place that exits.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, out, err, COMMANDS);
  }

  /** Runs the command line with the given commands; tests use it to add their own. */
  static int run(String[] args, PrintStream out, PrintStream err, List<Command> available) {
    Map<String, Command> commands = new LinkedHashMap<>();
    for (Command command : available) {
      commands.put(command.name(), command);
    }
    try {
      if (args.length == 0) {
        throw new UsageException("no command given");
      }
      String name = args[0];
      List<String> rest = Arrays.asList(args).subList(1, args.length);
      if (name.equals("--help") || name.equals("-h") || name.equals("help")) {
        return help(rest, commands, out);
      }
      Command command = commands.get(name);
      if (command == null) {
        throw new UsageException("unknown command '" + name + "'");
      }
      try {
        return command.run(rest, out, err);
      } catch (UsageException e) {
        err.println("statecraft " + name + ": " + e.getMessage());
        err.print(command.help());
        return ExitStatus.USAGE;
      }
    } catch (UsageException e) {
      err.println("statecraft: " + e.getMessage());
      err.print(usage(commands));
      return ExitStatus.USAGE;
    } catch (StackOverflowError e) {
      // The last resort: every reader bounds nesting with a typed problem first.
      err.println("statecraft: the input nests too deeply to be processed (stack overflow); "
          + "simplify it, or run java with a larger stack (-Xss8m)");
      return ExitStatus.CRASH;
    } catch (RuntimeException | Error e) {
      err.println("statecraft: unexpected failure (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse(""))
          + "); please report it with the command you ran");
      return ExitStatus.CRASH;
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static int help(List<String> rest, Map<String, Command> commands, PrintStream out) throws UsageException {
    if (rest.isEmpty()) {
      out.print(usage(commands));
      return ExitStatus.OK;
    }
    Command command = commands.get(rest.get(0));
    if (command == null) {
      throw new UsageException("unknown command '" + rest.get(0) + "'");
    }
    out.print(command.help());
    return ExitStatus.OK;
  }

  static String usage(Map<String, Command> commands) {
    StringBuilder text = new StringBuilder()
        .append("Usage: statecraft <command> [options] [arguments]\n")
        .append("\n")
        .append("Commands:\n");
    for (Command command : commands.values()) {
      text.append(String.format("  %-9s %s\n", command.name(), command.summary()));
    }
    text.append(String.format("  %-9s %s\n", "help", "Show this help, or a command's: statecraft help lint"))
        .append("\n")
        .append("Exit status: 0 success, 1 problems found, 2 bad usage, 3 Statecraft itself failed.\n");
    return text.toString();
  }
}
