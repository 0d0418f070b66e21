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

  public static EventBus named(String logicalId) {
    return new EventBus(logicalId, null);
  }

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
