package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import java.util.List;

/**
 * A Secrets Manager secret: created by the stack with a value Secrets Manager generates (no secret
 * is written in the template), or an existing one by its full ARN. Read it with {@code SecretId = arn()}.
 */
public final class Secret extends StackResource {

  private Secret(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /**
   * A Secrets Manager secret the stack creates, with the logical id {@code logicalId} in the
   * template (which also names the parameters and outputs derived from it). List it in the
   * workflow's {@code resources(...)}.
   */
  public static Secret named(String logicalId) {
    return new Secret(logicalId, null);
  }

  /**
   * A Secrets Manager secret that exists already, given at deploy time by the ARN in the stack
   * parameter {@code secretArn}: the stack does not create it, and the statements of the execution
   * role are scoped to that ARN. Its logical id is the parameter's name.
   */
  public static Secret existing(Parameter secretArn) {
    return new Secret(required(secretArn).name(), secretArn);
  }

  /** The customer managed key that encrypts the secret. */
  public Secret kmsKey(KmsKey key) {
    encryptWith(key);
    return this;
  }

  /** A created secret's {@code Ref} is its ARN. */
  @Override
  public TemplateValue templateArn() {
    return isExisting() ? existingArn() : new TemplateValue.Attribute(logicalId(), null);
  }

  /**
   * {@code secretsmanager:GetSecretValue}, and {@code kms:Decrypt} on a customer managed key
   * (https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html).
   */
  public List<IamStatement> readStatements() {
    return withKey(IamStatement.allow("secretsmanager:GetSecretValue", policyArn()), "kms:Decrypt");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.secret(this);
  }
}
