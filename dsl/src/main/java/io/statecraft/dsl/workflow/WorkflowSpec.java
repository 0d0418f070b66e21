package io.statecraft.dsl.workflow;

import io.statecraft.dsl.StateMachine;
import java.util.Objects;

/**
 * What a {@link Workflow} deploys: its state machine and the options around it. Immutable; make
 * one with {@link #builder(StateMachine)}.
 */
public final class WorkflowSpec {

  private final StateMachine stateMachine;
  private final String description;
  private final WorkflowType type;

  private WorkflowSpec(Builder builder) {
    this.stateMachine = builder.stateMachine;
    this.description = builder.description;
    this.type = builder.type;
  }

  /** A builder for a workflow around {@code stateMachine}. */
  public static Builder builder(StateMachine stateMachine) {
    return new Builder(stateMachine);
  }

  public StateMachine stateMachine() {
    return stateMachine;
  }

  /** The template's {@code Description}; null when none was given. */
  public String description() {
    return description;
  }

  public WorkflowType type() {
    return type;
  }

  /** Builds a {@link WorkflowSpec}. */
  public static final class Builder {
    private final StateMachine stateMachine;
    private String description;
    private WorkflowType type = WorkflowType.STANDARD;

    private Builder(StateMachine stateMachine) {
      this.stateMachine = Objects.requireNonNull(stateMachine, "stateMachine == null");
    }

    /** The template's {@code Description}: what the workflow does, in a sentence. */
    public Builder description(String description) {
      this.description = description;
      return this;
    }

    /** STANDARD (the default) or EXPRESS. */
    public Builder type(WorkflowType type) {
      this.type = Objects.requireNonNull(type, "type == null");
      return this;
    }

    public WorkflowSpec build() {
      return new WorkflowSpec(this);
    }
  }
}
