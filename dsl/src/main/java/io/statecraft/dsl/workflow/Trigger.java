package io.statecraft.dsl.workflow;

/**
 * Something that starts the workflow's state machine: an EventBridge Scheduler {@link Schedule},
 * an EventBridge {@link EventRule}, or an SSM {@link MaintenanceWindow}. Each gets a role of its
 * own that may only start this state machine ({@code states:StartExecution} on its ARN).
 */
public sealed interface Trigger extends WorkflowResource permits Schedule, EventRule, MaintenanceWindow {}
