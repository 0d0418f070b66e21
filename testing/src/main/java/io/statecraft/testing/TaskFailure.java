package io.statecraft.testing;

/**
 * Thrown by a {@link TaskHandler} to fail the task with an error name and cause, as a Lambda
 * function or service call would. Retriers and catchers see {@link #error()}.
 */
public final class TaskFailure extends Exception {

  private static final long serialVersionUID = 1L;

  /** The error name. */
  private final String error;
  /** The cause text, or null. */
  private final String cause;

  /**
   * Fails the task with this error.
   *
   * @param error the error name retriers and catchers match, e.g. {@code Lambda.TooManyRequestsException}
   * @param cause the cause text, or null for none
   */
  public TaskFailure(String error, String cause) {
    super(error + (cause == null ? "" : ": " + cause), null, false, false);
    if (error == null || error.isEmpty()) {
      throw new IllegalArgumentException("error == null or empty: name the error, e.g. \"Lambda.ServiceException\"");
    }
    this.error = error;
    this.cause = cause;
  }

  /**
   * The error name retriers and catchers match.
   *
   * @return the error name, such as {@code Lambda.TooManyRequestsException}
   */
  public String error() {
    return error;
  }

  /**
   * The cause the error carries.
   *
   * @return the cause text, or null for none
   */
  public String cause() {
    return cause;
  }
}
