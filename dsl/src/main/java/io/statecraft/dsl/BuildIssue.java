package io.statecraft.dsl;

/**
 * A problem in how a state machine was put together in Java, found while building its
 * definition: two states with one name, a transition out of a branch, a Task without resource.
 *
 * @param code a stable code, as the validator's ({@code DUPLICATE_STATE_NAME})
 * @param stateName the state concerned
 * @param message what is wrong and what to do
 * @param source the line that built the state, when known
 */
public record BuildIssue(String code, String stateName, String message, SourceLocation source) {}
