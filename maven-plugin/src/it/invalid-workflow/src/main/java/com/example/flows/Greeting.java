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
    Pass hello = Pass.named("Hello");
    Pass again = Pass.named("Hello");
    hello.next(again);
    return WorkflowSpec.builder(StateMachine.startWith(hello)).build();
  }
}
