package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.workflow.WorkflowType;
import java.io.UncheckedIOException;

/** Compiles state machines the way a workflow build does, and shows parts of them as compact JSON. */
final class Definitions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Definitions() {}

  /** The definition text of a machine, checked by the validator to have no problems. */
  static String of(StateMachine machine) {
    return compile(machine).text();
  }

  static CompiledDefinition compile(StateMachine machine) {
    CompiledDefinition compiled = DefinitionCompiler.compile(machine, WorkflowType.STANDARD);
    // These one-state machines read variables that the workflow around the call would assign;
    // that the data flow finds them unassigned is not what these tests are about.
    assertThat(compiled.problems()).filteredOn(problem -> problem.problemCode() != ProblemCode.UNASSIGNED_VARIABLE)
        .extracting(Problem::describe).isEmpty();
    return compiled;
  }

  /** The Task state a call makes in a JSONPath machine, as compact JSON. */
  static String task(Integration call) {
    return state(StateMachine.startWith(Task.named("Call").call(call)), "Call");
  }

  /** The Task state a call makes in a JSONata machine, as compact JSON. */
  static String jsonataTask(Integration call) {
    return state(StateMachine.startWith(Task.named("Call").call(call)).queryLanguage(QueryLanguage.JSONATA), "Call");
  }

  /** The request a call writes in a JSONPath Task ({@code Parameters}), as compact JSON. */
  static String parameters(Integration call) {
    return field(StateMachine.startWith(Task.named("Call").call(call)), "/States/Call/Parameters");
  }

  static String state(StateMachine machine, String name) {
    return field(machine, "/States/" + name);
  }

  private static String field(StateMachine machine, String pointer) {
    try {
      return JSON.writeValueAsString(compile(machine).json().at(pointer));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
