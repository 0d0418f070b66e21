package com.example.consumer;

import io.statecraft.dsl.Pass;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

public final class Welcome implements Workflow {
  @Override
  public String id() {
    return "welcome";
  }

  @Override
  public WorkflowSpec spec() {
    return WorkflowSpec.builder(StateMachine.startWith(Pass.named("Welcome")))
        .description("Says Welcome")
        .build();
  }
}
