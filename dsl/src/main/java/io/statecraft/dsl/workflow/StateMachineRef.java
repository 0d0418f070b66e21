package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Another state machine this workflow starts, given by its ARN parameter, or by the ARN of one of
 * its aliases ({@link #alias(Parameter)}), which is how a released workflow is called; the stack
 * creates nothing.
 */
public final class StateMachineRef extends StackResource {

  private final boolean alias;

  private StateMachineRef(Parameter arn, boolean alias) {
    super(arn.name(), arn);
    this.alias = alias;
  }

  /** A state machine by its (unqualified) ARN. */
  public static StateMachineRef existing(Parameter stateMachineArn) {
    return new StateMachineRef(required(stateMachineArn), false);
  }

  /**
   * A state machine started through its alias, by the alias's ARN
   * ({@code arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:ALIAS}, the {@code StateMachineAliasArn}
   * output of a Statecraft stack): StartExecution with it runs the version the alias routes to.
   */
  public static StateMachineRef alias(Parameter aliasArn) {
    return new StateMachineRef(required(aliasArn), true);
  }

  /**
   * The customer managed key the state machine is encrypted with, so that following its
   * executions ({@link #followStatements()}) may decrypt them.
   */
  public StateMachineRef kmsKey(KmsKey key) {
    encryptWith(key);
    return this;
  }

  /** Whether its ARN is an alias's. */
  public boolean isAlias() {
    return alias;
  }

  /**
   * {@code states:StartExecution} on it. Through an alias, Step Functions authorizes the start on
   * the state machine's unqualified ARN, so the grant is on that ARN (taken from the alias's) and
   * narrowed to the alias by {@code states:StateMachineQualifier}
   * (https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html).
   */
  public List<IamStatement> startStatements() {
    if (!alias) {
      return List.of(IamStatement.allow("states:StartExecution", policyArn()));
    }
    return List.of(IamStatement.allow("states:StartExecution", unqualifiedArn())
        .withCondition("StringEquals", "states:StateMachineQualifier", List.of(IamStatement.part(existingArn().name(), ':', 7))));
  }

  /**
   * What a {@code .sync} start adds: describe and stop its executions, named from its ARN; and,
   * when it is encrypted with {@link #kmsKey(KmsKey)}, {@code kms:Decrypt} in its encryption
   * context, which DescribeExecution of an encrypted workflow needs
   * (https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html, "Required
   * permissions for API callers").
   */
  public List<IamStatement> followStatements() {
    List<IamStatement> statements = new ArrayList<>();
    statements.add(IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"),
        List.of(IamStatement.executionsOf(existingArn().name()))));
    if (kmsKey() != null) {
      statements.add(IamStatement.allow(List.of("kms:Decrypt"), List.of(kmsKey().policyArn()))
          .withCondition("StringEquals", "kms:EncryptionContext:aws:states:stateMachineArn", List.of(unqualifiedArn())));
    }
    return List.copyOf(statements);
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

  // The state machine's own ARN: the parameter itself, or the first seven parts of an alias's ARN.
  private String unqualifiedArn() {
    if (!alias) {
      return policyArn();
    }
    String arn = existingArn().name();
    return "arn:" + IamStatement.part(arn, ':', 1) + ":states:" + IamStatement.part(arn, ':', 3) + ":"
        + IamStatement.part(arn, ':', 4) + ":stateMachine:" + IamStatement.part(arn, ':', 6);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.stateMachine(this);
  }
}
