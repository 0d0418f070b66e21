package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslDefinition;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A state machine built from Java: the ASL definition, plus what only the Java side knows.
 *
 * @param definition the definition
 * @param sources where each state (by name) was built
 * @param permissions what each Task (by name) needs in the execution role, and what any other
 *     state declared with {@code permissions(...)}
 * @param integrations the typed integration each Task (by name) calls, when it has one
 * @param issues problems in how the graph was put together; empty when all is well
 */
public record BuiltStateMachine(
    AslDefinition definition,
    StateSources sources,
    Map<String, List<IamStatement>> permissions,
    Map<String, Integration> integrations,
    List<BuildIssue> issues) {

  /** Keeps unmodifiable copies, so that what was built cannot change under the generator. */
  public BuiltStateMachine {
    Objects.requireNonNull(sources, "sources == null");
    permissions = Map.copyOf(permissions);
    integrations = Map.copyOf(integrations);
    issues = List.copyOf(issues);
  }
}
