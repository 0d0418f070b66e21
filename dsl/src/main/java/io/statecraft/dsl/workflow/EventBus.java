package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;

/**
 * An EventBridge bus: created by the stack (named {@code <stack>-<id>}: a bus needs a name), or an
 * existing one by ARN. PutEvents takes {@link #arn()} as {@code EventBusName}.
 */
public final class EventBus extends StackResource {

  private EventBus(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /**
   * An EventBridge event bus the stack creates, with the logical id {@code logicalId} in the
   * template (which also names the parameters and outputs derived from it). List it in the
   * workflow's {@code resources(...)}.
   */
  public static EventBus named(String logicalId) {
    return new EventBus(logicalId, null);
  }

  /**
   * An EventBridge event bus that exists already, given at deploy time by the ARN in the stack
   * parameter {@code eventBusArn}: the stack does not create it, and the statements of the
   * execution role are scoped to that ARN. Its logical id is the parameter's name.
   */
  public static EventBus existing(Parameter eventBusArn) {
    return new EventBus(required(eventBusArn).name(), eventBusArn);
  }

  /** {@code events:PutEvents} on this bus. */
  public IamStatement putEventsStatement() {
    return IamStatement.allow("events:PutEvents", policyArn());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.eventBus(this);
  }
}
