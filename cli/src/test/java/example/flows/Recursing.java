package example.flows;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/** A workflow whose spec() calls itself without end. */
public final class Recursing implements Workflow {
  @Override
  public String id() {
    return "recursing";
  }

  @Override
  public WorkflowSpec spec() {
    return spec();
  }
}
