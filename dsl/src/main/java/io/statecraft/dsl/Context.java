package io.statecraft.dsl;

/**
 * Paths into the context object ({@code $$}), which the service fills with facts about the
 * execution, the state and the current Map item.
 */
public final class Context {

  private Context() {}

  /** The whole context object, {@code $$}. */
  public static Path root() {
    return new Path("$$");
  }

  /** {@code $$.Execution.Id}: the execution ARN. */
  public static Path executionId() {
    return Path.of("$$.Execution.Id");
  }

  /** {@code $$.Execution.Name}. */
  public static Path executionName() {
    return Path.of("$$.Execution.Name");
  }

  /** {@code $$.Execution.Input}: the input the execution started with. */
  public static Path executionInput() {
    return Path.of("$$.Execution.Input");
  }

  /** {@code $$.Execution.StartTime}, an ISO-8601 timestamp. */
  public static Path executionStartTime() {
    return Path.of("$$.Execution.StartTime");
  }

  /** {@code $$.Execution.RoleArn}. */
  public static Path executionRoleArn() {
    return Path.of("$$.Execution.RoleArn");
  }

  /** {@code $$.Execution.RedriveCount}. */
  public static Path executionRedriveCount() {
    return Path.of("$$.Execution.RedriveCount");
  }

  /** {@code $$.StateMachine.Id}: the state machine ARN. */
  public static Path stateMachineId() {
    return Path.of("$$.StateMachine.Id");
  }

  /** {@code $$.StateMachine.Name}. */
  public static Path stateMachineName() {
    return Path.of("$$.StateMachine.Name");
  }

  /** {@code $$.State.Name}: the state now running. */
  public static Path stateName() {
    return Path.of("$$.State.Name");
  }

  /** {@code $$.State.EnteredTime}. */
  public static Path stateEnteredTime() {
    return Path.of("$$.State.EnteredTime");
  }

  /** {@code $$.State.RetryCount}: how many times the state has been retried. */
  public static Path stateRetryCount() {
    return Path.of("$$.State.RetryCount");
  }

  /** {@code $$.Task.Token}: the token a {@code .waitForTaskToken} task hands to its worker. */
  public static Path taskToken() {
    return Path.of("$$.Task.Token");
  }

  /** {@code $$.Map.Item.Index}: the index of the current item, inside a Map's ItemSelector. */
  public static Path mapItemIndex() {
    return Path.of("$$.Map.Item.Index");
  }

  /** {@code $$.Map.Item.Value}: the current item, inside a Map's ItemSelector. */
  public static Path mapItemValue() {
    return Path.of("$$.Map.Item.Value");
  }

  /** {@code $$.Map.Item.Key}: the current key, when a distributed Map reads a JSON object. */
  public static Path mapItemKey() {
    return Path.of("$$.Map.Item.Key");
  }

  /** {@code $$.Map.Item.Source}: where a distributed Map item came from. */
  public static Path mapItemSource() {
    return Path.of("$$.Map.Item.Source");
  }
}
