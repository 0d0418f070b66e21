package io.statecraft.dsl.workflow;

/** What the state machine logs to CloudWatch Logs ({@code LoggingConfiguration.Level}). */
public enum LogLevel {
  /** Every event of every execution. */
  ALL,
  /** Failures only: the default, enough to investigate without the volume of ALL. */
  ERROR,
  /** Only events that end an execution abnormally. */
  FATAL,
  /** No logging; use only where logs are kept elsewhere. */
  OFF
}
