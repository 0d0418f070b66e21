package io.statecraft.asl.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.WorkflowType;
import org.junit.jupiter.api.Test;

/** A state machine built in Java goes through the same data flow; a message names both states' Java lines. */
final class DslLinesTest {

  @Test
  void theReadAndTheStateThatDroppedTheFieldBothHaveTheirJavaLines() {
    Pass shrink = Pass.named("Shrink").parameters(Json.object().put("id", Path.of("$.orderId")));
    Pass read = Pass.named("Read").parameters(Json.object().put("customer", Path.of("$.customerId")));
    shrink.next(read);

    CompiledDefinition compiled = DefinitionCompiler.compile(StateMachine.startWith(shrink), WorkflowType.STANDARD);

    assertThat(compiled.problems()).extracting(Problem::describe).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Read/Parameters/customer.$: '$.customerId' reads customerId, which the "
            + "input of Read cannot have: the result of Shrink (io/statecraft/asl/flow/DslLinesTest.java:20) "
            + "replaced the input (it has no ResultPath); it has only id (io/statecraft/asl/flow/DslLinesTest.java:21)");
  }
}
