package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import java.util.List;

/** Another state machine this workflow starts, given by its ARN parameter; the stack creates nothing. */
public final class StateMachineRef extends StackResource {

  private StateMachineRef(Parameter arn) {
    super(arn.name(), arn);
  }

  public static StateMachineRef existing(Parameter stateMachineArn) {
    return new StateMachineRef(required(stateMachineArn));
  }

  /** {@code states:StartExecution} on it. */
  public List<IamStatement> startStatements() {
    return List.of(IamStatement.allow("states:StartExecution", policyArn()));
  }

  /** What a {@code .sync} start adds: describe and stop its executions, named from its ARN. */
  public List<IamStatement> followStatements() {
    return List.of(IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"),
        List.of(IamStatement.executionsOf(existingArn().name()))));
  }

  /**
   * {@code states:RedriveExecution} on its executions, for a caller that restarts a failed,
   * aborted or timed-out execution of a Standard workflow from the state that failed, within 14
   * days (https://docs.aws.amazon.com/step-functions/latest/apireference/API_RedriveExecution.html).
   */
  public List<IamStatement> redriveStatements() {
    return List.of(IamStatement.allow(List.of("states:RedriveExecution"),
        List.of(IamStatement.executionsOf(existingArn().name()))));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.stateMachine(this);
  }
}
