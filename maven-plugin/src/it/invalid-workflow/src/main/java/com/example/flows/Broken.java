package com.example.flows;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

public final class Broken implements Workflow {
  @Override
  public String id() {
    return "broken";
  }

  @Override
  public WorkflowSpec spec() {
    throw new IllegalStateException("no queue configured");
  }
}
