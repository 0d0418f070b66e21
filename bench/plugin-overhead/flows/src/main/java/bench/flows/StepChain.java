package bench.flows;

import io.statecraft.dsl.Chainable;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;

/** A workflow of {@code steps} alternating Pass and Wait states, then Succeed. */
abstract class StepChain implements Workflow {

  private final String id;
  private final int steps;

  StepChain(String id, int steps) {
    this.id = id;
    this.steps = steps;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final WorkflowSpec spec() {
    Pass start = Pass.named("Step0");
    Chainable<?> last = start;
    for (int i = 1; i < steps; i++) {
      last = i % 2 == 0 ? last.next(Pass.named("Step" + i)) : last.next(Wait.named("Step" + i).seconds(i));
    }
    last.next(Succeed.named("Done"));
    return WorkflowSpec.builder(StateMachine.startWith(start)).description(id + ", " + steps + " steps").build();
  }
}
