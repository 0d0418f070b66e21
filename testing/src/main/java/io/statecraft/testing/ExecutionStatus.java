package io.statecraft.testing;

/** How an execution ended, with the service's status names. */
public enum ExecutionStatus {
  SUCCEEDED,
  FAILED,
  /** The state machine's own TimeoutSeconds ran out (error {@code States.Timeout}). */
  TIMED_OUT
}
