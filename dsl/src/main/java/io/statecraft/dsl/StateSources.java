package io.statecraft.dsl;

import java.util.Map;

/**
 * Where each state of a built state machine was created in Java, by state name. A line is worked
 * out only when asked for, since most are never needed: only states with a problem, or with a
 * permission to explain, are reported with their line.
 */
public final class StateSources {

  private final Map<String, State<?>> states;

  // Takes the builder's own map: the builder is discarded once the state machine is built.
  StateSources(Map<String, State<?>> states) {
    this.states = states;
  }

  /** No sources known: for state machines not built in Java. */
  public static StateSources none() {
    return new StateSources(Map.of());
  }

  /** Where the state of this name was created, or null when unknown. */
  public SourceLocation get(String stateName) {
    State<?> state = states.get(stateName);
    return state == null ? null : state.source();
  }
}
