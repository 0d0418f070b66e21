package io.statecraft.cli;

/** The command line is wrong; the message says how, in one line. Exit status {@link ExitStatus#USAGE}. */
public final class UsageException extends Exception {

  public UsageException(String message) {
    super(message, null, false, false);
  }
}
