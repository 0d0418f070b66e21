package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.WorkflowType;
import org.junit.jupiter.api.Test;

class DefinitionCompilerTest {

  @Test
  void problemsPointAtTheJavaLineThatBuiltTheState() {
    Task call = Task.named("Call").resource("arn:aws:states:::lambda:invoke")
        .retry(Retry.on(Errors.ALL, "Lambda.ServiceException").backoffRate(0.5));
    Pass a = Pass.named("Same");
    Pass b = Pass.named("Same");
    call.next(a).next(b);

    CompiledDefinition compiled = DefinitionCompiler.compile(StateMachine.startWith(call), WorkflowType.STANDARD);

    assertThat(compiled.problems()).extracting(Problem::describe).containsExactly(
        "ERROR VALUE_OUT_OF_RANGE /States/Call/Retry/0/BackoffRate: BackoffRate must be a number of at least 1.0, "
            + "got 0.5 (io/statecraft/asl/DefinitionCompilerTest.java:19)",
        "ERROR STATES_ALL_NOT_LAST /States/Call/Retry/0/ErrorEquals/0: States.ALL matches every error, so it must be "
            + "alone in its ErrorEquals; move the other names to an earlier Retry entry "
            + "(io/statecraft/asl/DefinitionCompilerTest.java:19)",
        "ERROR DUPLICATE_STATE_NAME /States/Same: two different states are named 'Same' (the other one is built at "
            + "io/statecraft/asl/DefinitionCompilerTest.java:21); state names must be unique in the whole state machine "
            + "(io/statecraft/asl/DefinitionCompilerTest.java:22)");
    assertThatThrownBy(() -> compiled.orThrow("state machine"))
        .isInstanceOf(ProblemException.class)
        .hasMessageStartingWith("state machine: 3 errors\n  ERROR VALUE_OUT_OF_RANGE /States/Call/Retry/0/BackoffRate");
  }

  @Test
  void aSoundStateMachineCompilesWithoutProblems() {
    CompiledDefinition compiled = DefinitionCompiler.compile(
        StateMachine.startWith(Pass.named("Only")), WorkflowType.STANDARD).orThrow("state machine");

    assertThat(compiled.problems()).isEmpty();
    assertThat(compiled.text()).isEqualTo("""
        {
          "StartAt": "Only",
          "States": {
            "Only": {
              "Type": "Pass",
              "End": true
            }
          }
        }
        """);
  }

  @Test
  void aFieldSetWithRawIsAWarningWhereATypoInAFileIsAnError() {
    StateMachine machine = StateMachine.startWith(Pass.named("Only").raw("NewField", Value.of("kept")))
        .raw("TopLevelField", Value.of(1));

    CompiledDefinition compiled = DefinitionCompiler.compile(machine, WorkflowType.STANDARD);

    assertThat(compiled.problems()).extracting(Problem::describe).containsExactly(
        "WARNING UNKNOWN_FIELD /States/Only/NewField: NewField was set with raw(...) and is not a field Statecraft "
            + "knows; the service rejects it unless the language has added it since "
            + "(io/statecraft/asl/DefinitionCompilerTest.java:62)",
        "WARNING UNKNOWN_FIELD /TopLevelField: TopLevelField was set with raw(...) and is not a field Statecraft "
            + "knows; the service rejects it unless the language has added it since");
  }
}
