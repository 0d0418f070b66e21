package io.statecraft.connect;

/**
 * A call to AWS that could not be made or did not succeed, said in one line for the user: no
 * region or credentials, a denied action, retries run out. Never carries a stack trace to print.
 */
public final class AwsException extends RuntimeException {

  public AwsException(String message) {
    super(message, null, false, false);
  }
}
