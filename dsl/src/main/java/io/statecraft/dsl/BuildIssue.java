package io.statecraft.dsl;

/**
 * A problem in how a state machine was put together in Java, found while building its
 * definition: two states with one name, a transition out of a branch, a Task without resource.
 *
 * @param code a stable code, as the validator's ({@code DUPLICATE_STATE_NAME}): the name of a
 *     {@link Code}
 * @param stateName the state concerned
 * @param message what is wrong and what to do
 * @param source the line that built the state, when known
 */
public record BuildIssue(String code, String stateName, String message, SourceLocation source) {

  /**
   * The codes a build issue can carry. Each is also a constant of Statecraft's one registry of
   * problem codes, {@code io.statecraft.asl.ProblemCode}, where it is documented; the DSL has no
   * dependencies and cannot name that registry, so a test of {@code statecraft-asl} checks that
   * every constant here is one there.
   */
  public enum Code {
    /** Two different state objects with one name. */
    DUPLICATE_STATE_NAME,
    /** One state object reached from two scopes (a transition into or out of a branch). */
    TRANSITION_OUT_OF_SCOPE,
    /** A Task with neither an integration nor a resource. */
    MISSING_RESOURCE,
    /** A Map without an item processor. */
    MISSING_ITEM_PROCESSOR,
    /**
     * A state (or a fragment's states) with a transition into the state machine, yet not
     * reachable from its start, so it is not in the definition. A warning.
     */
    DROPPED_STATE;

    /** Whether the issue is a warning: the definition is sound, but not what the author wrote. */
    public boolean isWarning() {
      return this == DROPPED_STATE;
    }
  }
}
