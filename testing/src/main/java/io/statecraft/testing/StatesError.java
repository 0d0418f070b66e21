package io.statecraft.testing;

/**
 * An error raised while running a state, with the service's error name and cause. It travels up
 * to the state's retriers and catchers, then to the enclosing branch, and finally fails the
 * execution.
 */
class StatesError extends Exception {

  static final String ALL = "States.ALL";
  static final String RUNTIME = "States.Runtime";
  static final String TIMEOUT = "States.Timeout";
  static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";
  static final String TASK_FAILED = "States.TaskFailed";
  static final String DATA_LIMIT_EXCEEDED = "States.DataLimitExceeded";
  static final String RESULT_PATH_MATCH_FAILURE = "States.ResultPathMatchFailure";
  static final String NO_CHOICE_MATCHED = "States.NoChoiceMatched";
  static final String BRANCH_FAILED = "States.BranchFailed";
  static final String QUERY_EVALUATION_ERROR = "States.QueryEvaluationError";
  static final String EXCEED_TOLERATED_FAILURE_THRESHOLD = "States.ExceedToleratedFailureThreshold";
  static final String ITEM_READER_FAILED = "States.ItemReaderFailed";

  private final String error;
  private final String cause;

  StatesError(String error, String cause) {
    super(error + ": " + cause, null, false, false);
    this.error = error;
    this.cause = cause;
  }

  static StatesError runtime(String cause) {
    return new StatesError(RUNTIME, cause);
  }

  String error() {
    return error;
  }

  /** The cause text; may be null when the failing state gave none. */
  String cause() {
    return cause;
  }

  /**
   * Whether a retrier or catcher listing {@code errorEquals} handles this error. {@code
   * States.ALL} matches everything except the terminal {@code States.Runtime} and {@code
   * States.DataLimitExceeded}; {@code States.TaskFailed} matches everything except timeouts.
   */
  boolean matches(Iterable<String> errorEquals) {
    for (String name : errorEquals) {
      if (name.equals(error)) {
        return !error.equals(RUNTIME);
      }
      if (name.equals(ALL) && !error.equals(RUNTIME) && !error.equals(DATA_LIMIT_EXCEEDED)) {
        return true;
      }
      if (name.equals(TASK_FAILED) && !error.equals(TIMEOUT) && !error.equals(HEARTBEAT_TIMEOUT)
          && !error.equals(RUNTIME) && !error.equals(DATA_LIMIT_EXCEEDED)) {
        return true;
      }
      if (name.equals(TIMEOUT) && error.equals(HEARTBEAT_TIMEOUT)) {
        return true;
      }
    }
    return false;
  }
}
