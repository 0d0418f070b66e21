package io.statecraft.aws;

import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.generator.DefinitionCompiler;
import io.statecraft.generator.Problem;
import io.statecraft.generator.json.JsonPointers;
import io.statecraft.generator.validate.StateMachineType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks of a state machine's typed integrations that need the workflow's type: an Express
 * workflow runs each task request-response only, so {@code .sync}, {@code .sync:2} and
 * {@code .waitForTaskToken} are refused when the state machine is created.
 */
public final class IntegrationChecks {

  /** The code of a problem found here. */
  public static final String PATTERN_NOT_SUPPORTED_IN_EXPRESS = "INTEGRATION_PATTERN_NOT_SUPPORTED";

  private IntegrationChecks() {}

  /** Every problem of the typed integrations of {@code built} for a workflow of {@code type}, by state name. */
  public static List<Problem> problems(BuiltStateMachine built, StateMachineType type) {
    List<Problem> problems = new ArrayList<>();
    if (type != StateMachineType.EXPRESS) {
      return problems;
    }
    Map<String, String> pointers = DefinitionCompiler.statePointers(built.definition());
    for (Map.Entry<String, Integration> entry : new TreeMap<>(built.integrations()).entrySet()) {
      IntegrationPattern pattern = entry.getValue().pattern();
      if (pattern != IntegrationPattern.REQUEST_RESPONSE) {
        String pointer = pointers.getOrDefault(entry.getKey(), JsonPointers.ROOT) + "/Resource";
        Problem problem = Problem.error(PATTERN_NOT_SUPPORTED_IN_EXPRESS, pointer,
            "Express workflows call services request-response only, so " + entry.getValue().resource()
                + " is refused; drop " + pattern.suffix() + " or make the workflow Standard");
        problems.add(built.sources().containsKey(entry.getKey())
            ? problem.at(built.sources().get(entry.getKey())) : problem);
      }
    }
    return problems;
  }
}
