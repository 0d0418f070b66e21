package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The JUnit extension records this class's executions; {@link #everyPathIsCovered} asserts on
 * them after the class, as a user's test would.
 */
@ExtendWith(WorkflowCoverageExtension.class)
class CoverageExtensionTest {

  /** A workflow as users write them. */
  static final class Sizer implements Workflow {
    @Override
    public String id() {
      return "sizer";
    }

    @Override
    public WorkflowSpec spec() {
      Choice size = Choice.named("Size?");
      Pass big = Pass.named("Big");
      Pass small = Pass.named("Small");
      size.when(Condition.numericGreaterThan(Path.of("$.n"), 10), big).otherwise(small);
      return WorkflowSpec.builder(StateMachine.startWith(size)).build();
    }
  }

  @Test
  void big() {
    assertThat(LocalExecutor.of(new Sizer()).run("{\"n\": 11}")).succeeded().hasPath("Size?", "Big");
  }

  @Test
  void small() {
    Execution execution = LocalExecutor.of(new Sizer()).run("{\"n\": 1}");
    assertThat(execution).succeeded().hasPath("Size?", "Small");
    assertThat(execution.stateMachineName()).isEqualTo("sizer");
  }

  @Test
  void theCoverageSoFarCanBeAskedFor(Coverage coverage) {
    assertThat(coverage.items()).extracting(CoverageItem::toString)
        .containsExactly("state Size?", "Size? Choices[0] -> Big", "Size? Default -> Small", "state Big", "state Small");
  }

  @AfterAll
  static void everyPathIsCovered(Coverage coverage) {
    assertThat(coverage).isComplete();
    assertThat(coverage.report()).isEqualTo("""
        Workflow coverage of sizer: 5/5 items
          covered state Size?
          covered Size? Choices[0] -> Big
          covered Size? Default -> Small
          covered state Big
          covered state Small
        """);
  }
}
