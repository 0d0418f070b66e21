package example.flows;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/** A workflow whose own code fails; outside Statecraft's packages, as a user's would be. */
public final class Throwing implements Workflow {
  @Override
  public String id() {
    return "throwing";
  }

  @Override
  public WorkflowSpec spec() {
    throw new IllegalStateException("no state machine yet");
  }
}
