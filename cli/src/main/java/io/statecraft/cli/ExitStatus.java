package io.statecraft.cli;

/** The exit statuses every command uses. */
public final class ExitStatus {

  private ExitStatus() {}

  /** Success: nothing wrong was found. */
  public static final int OK = 0;
  /** Problems were found in the input, or an output could not be written. */
  public static final int PROBLEMS = 1;
  /** The command line itself is wrong: unknown command or option, missing argument, no such file. */
  public static final int USAGE = 2;
  /**
   * Statecraft itself failed (a bug, or the JVM ran out of memory or stack): never the same status
   * as {@link #PROBLEMS}, so that a script never takes a crash for a verdict on its input.
   */
  public static final int CRASH = 3;
}
