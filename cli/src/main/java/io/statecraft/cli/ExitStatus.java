package io.statecraft.cli;

/** The exit statuses every command uses. */
public final class ExitStatus {

  private ExitStatus() {}

  /** Success: nothing wrong was found. */
  public static final int OK = 0;
  /** Problems were found (or the command could not finish). */
  public static final int PROBLEMS = 1;
  /** The command line itself is wrong: unknown command or option, missing argument, no such file. */
  public static final int USAGE = 2;
}
