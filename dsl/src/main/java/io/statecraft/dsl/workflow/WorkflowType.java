package io.statecraft.dsl.workflow;

/** The Step Functions workflow type: what the state machine may do and how it is billed. */
public enum WorkflowType {
  /** Exactly-once, up to a year, full history. */
  STANDARD,
  /** At-least-once, up to five minutes, request-response integrations only. */
  EXPRESS
}
