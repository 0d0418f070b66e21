package io.statecraft.dsl.workflow;

import io.statecraft.dsl.Value;

/**
 * Something that starts the workflow's state machine: an EventBridge Scheduler {@link Schedule},
 * an EventBridge {@link EventRule}, or an SSM {@link MaintenanceWindow}. Each gets a role of its
 * own that may only start this state machine ({@code states:StartExecution} on its ARN).
 */
public sealed interface Trigger extends WorkflowResource permits TriggerOptions {

  /** The trigger's {@code Description}; null when none was given. */
  String description();

  /** The execution input it starts the state machine with, literal JSON; null for the service's default. */
  Value input();
}
