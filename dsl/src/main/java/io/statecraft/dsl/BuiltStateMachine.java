package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslDefinition;
import java.util.List;
import java.util.Map;

/**
 * A state machine built from Java: the ASL definition, plus what only the Java side knows.
 *
 * @param definition the definition
 * @param sources where each state (by name) was built
 * @param permissions what each Task (by name) needs in the execution role
 * @param integrations the typed integration each Task (by name) calls, when it has one
 * @param issues problems in how the graph was put together; empty when all is well
 */
public record BuiltStateMachine(
    AslDefinition definition,
    Map<String, SourceLocation> sources,
    Map<String, List<IamStatement>> permissions,
    Map<String, Integration> integrations,
    List<BuildIssue> issues) {

  public BuiltStateMachine {
    sources = Map.copyOf(sources);
    permissions = Map.copyOf(permissions);
    integrations = Map.copyOf(integrations);
    issues = List.copyOf(issues);
  }
}
