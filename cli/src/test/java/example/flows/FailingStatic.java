package example.flows;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/** A workflow whose static initializer throws. */
public final class FailingStatic implements Workflow {
  private static final String REGION = region();

  private static String region() {
    throw new IllegalStateException("AWS_REGION is not set");
  }

  @Override
  public String id() {
    return REGION;
  }

  @Override
  public WorkflowSpec spec() {
    throw new UnsupportedOperationException();
  }
}
