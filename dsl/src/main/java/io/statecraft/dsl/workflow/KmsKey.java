package io.statecraft.dsl.workflow;

/**
 * A customer managed KMS key: created by the stack (rotated yearly, with the default key policy,
 * which lets this account's IAM policies grant its use), or an existing key given by its key ARN
 * (not an alias: IAM matches the key's ARN). Give it to what it encrypts ({@code .kmsKey(key)}),
 * whose statements then grant what that service needs on it.
 */
public final class KmsKey extends StackResource {

  private KmsKey(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /** A key the stack creates. */
  public static KmsKey named(String logicalId) {
    return new KmsKey(logicalId, null);
  }

  /** An existing key whose key ARN the deployer gives in {@code keyArn}. */
  public static KmsKey existing(Parameter keyArn) {
    return new KmsKey(required(keyArn).name(), keyArn);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.kmsKey(this);
  }
}
