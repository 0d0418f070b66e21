package example.flows;

import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/** A workflow that needs a class its classpath lacks, as the JVM reports it. */
public final class MissingDependency implements Workflow {
  @Override
  public String id() {
    return "missing-dependency";
  }

  @Override
  public WorkflowSpec spec() {
    throw new NoClassDefFoundError("com/acme/lib/Regions");
  }
}
