package io.statecraft.generator.golden;

import io.statecraft.asl.diagram.MermaidDiagram;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Parallel;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Wait;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.testing.GoldenFile;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {

  @Test
  void drawsStatesTransitionsRulesCatchersAndNestedScopes() {
    Task start = Task.named("StartInstance").resource("arn:aws:states:::aws-sdk:ec2:startInstances");
    Wait pause = Wait.named("Wait \"a bit\"").seconds(30);
    Choice running = Choice.named("Running?");
    Parallel both = Parallel.named("Both")
        .branch(Pass.named("Left"))
        .branch(Task.named("Right").resource("arn:aws:states:::lambda:invoke"));
    MapState each = MapState.named("Each").itemsPath(Path.of("$.ids")).itemProcessor(Pass.named("Item"));
    Fail failed = Fail.named("Failed").error("Patch.Failed");
    start.catchErrors(Catch.on(Errors.ALL), failed);
    start.next(pause).next(running);
    running.when(Condition.and(Condition.isPresent(Path.of("$.state")),
            Condition.stringEquals(Path.of("$.state"), "running")), both)
        .when(Condition.numericGreaterThan(Path.of("$.polls"), 10), failed)
        .otherwise(pause);
    both.next(each).next(Succeed.named("Done"));

    AslDefinition definition = StateMachine.startWith(start).comment("diagram sample").toDefinition();
    String diagram = MermaidDiagram.render(definition);

    GoldenFile.verify(java.nio.file.Path.of("src/test/resources/golden/diagram/sample.mmd"), diagram);
    assertThat(MermaidDiagram.render(definition)).isEqualTo(diagram);
  }
}
