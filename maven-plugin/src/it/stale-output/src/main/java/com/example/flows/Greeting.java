package com.example.flows;

import io.statecraft.dsl.Pass;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

public final class Greeting implements Workflow {
  @Override
  public String id() {
    return "greeting";
  }

  @Override
  public WorkflowSpec spec() {
    return WorkflowSpec.builder(StateMachine.startWith(Pass.named("Hello")))
        .description("Says Hello")
        .build();
  }
}
