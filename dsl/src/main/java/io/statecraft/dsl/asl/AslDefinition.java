package io.statecraft.dsl.asl;

import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole state machine definition.
 *
 * @param queryLanguage the default query language of its states, or null (JSONPath)
 * @param timeoutSeconds the execution timeout, or null
 * @param version the ASL version, or null ({@code 1.0})
 * @param states the top-level states, in definition order
 */
public record AslDefinition(
    String comment,
    QueryLanguage queryLanguage,
    String version,
    Integer timeoutSeconds,
    String startAt,
    Map<String, AslState> states,
    Map<String, Value> extensions) {

  /**
   * Checks that {@code StartAt} is given and keeps unmodifiable copies of the states (in the order
   * written) and of the unknown fields.
   */
  public AslDefinition {
    Objects.requireNonNull(startAt, "startAt == null");
    states = Collections.unmodifiableMap(new LinkedHashMap<>(states));
    extensions = Extensions.copy(extensions);
  }

  /** Every state of the definition, nested branches and item processors included, by name. */
  public Map<String, AslState> allStates() {
    Map<String, AslState> all = new LinkedHashMap<>();
    collect(states, all);
    return Collections.unmodifiableMap(all);
  }

  private static void collect(Map<String, AslState> scope, Map<String, AslState> into) {
    scope.forEach((name, state) -> {
      into.put(name, state);
      for (AslBranch nested : nestedScopes(state)) {
        collect(nested.states(), into);
      }
    });
  }

  /** The branches of a Parallel, or the item processor of a Map; empty for other states. */
  public static List<AslBranch> nestedScopes(AslState state) {
    if (state instanceof AslParallel parallel) {
      return parallel.branches();
    }
    if (state instanceof AslMap map && map.processor() != null) {
      List<AslBranch> scopes = new ArrayList<>();
      scopes.add(map.processor());
      return scopes;
    }
    return List.of();
  }
}
