package io.statecraft.testing;

/** How an execution ended, with the service's status names. */
public enum ExecutionStatus {
  /** The execution reached a Succeed state or the end of its states. */
  SUCCEEDED,
  /** An error ended the execution (a Fail state, or an error no catcher caught). */
  FAILED,
  /** The state machine's own TimeoutSeconds ran out (error {@code States.Timeout}). */
  TIMED_OUT
}
