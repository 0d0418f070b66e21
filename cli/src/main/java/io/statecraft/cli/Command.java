package io.statecraft.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the {@code statecraft} command line. A command never exits the JVM and never
 * prints a stack trace: it returns its exit status, and throws {@link UsageException} for bad
 * arguments. To add a command, implement this and add one line to {@link Main#COMMANDS}.
 */
public interface Command {

  /** The word that selects the command: {@code lint}. */
  String name();

  /** One line for the list of commands. */
  String summary();

  /** The command's own help: its synopsis, options and exit status. */
  String help();

  /**
   * Runs the command.
   *
   * @param args the arguments after the command name
   * @param out where results go
   * @param err where summaries and diagnostics go
   * @return the exit status: {@link ExitStatus#OK}, {@link ExitStatus#PROBLEMS} or {@link ExitStatus#USAGE}
   * @throws UsageException when the arguments are wrong; the caller prints it with the usage
   */
  int run(List<String> args, PrintStream out, PrintStream err) throws UsageException;
}
