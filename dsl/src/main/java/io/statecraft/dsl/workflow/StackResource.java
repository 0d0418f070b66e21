package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import java.util.Objects;

/** What the typed resources share: created ({@code named(id)}) or existing ({@code existing(arnParameter)}). */
abstract sealed class StackResource implements ArnResource
    permits SqsQueue, DynamoDbTable, S3Bucket, StateMachineRef, EventBus, Secret, KmsKey {

  private final String logicalId;
  private final Parameter existingArn;
  private KmsKey kmsKey;

  StackResource(String logicalId, Parameter existingArn) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
    this.existingArn = existingArn;
  }

  static Parameter required(Parameter arn) {
    return Objects.requireNonNull(arn, "arn == null");
  }

  @Override
  public final String logicalId() {
    return logicalId;
  }

  @Override
  public final Parameter existingArn() {
    return existingArn;
  }

  /** {@code ${<Base><suffix>}}, the base being the logical id without a trailing {@code Arn}. */
  final Placeholder placeholder(String suffix) {
    boolean arn = logicalId.endsWith("Arn") && logicalId.length() > 3;
    return Placeholder.string((arn ? logicalId.substring(0, logicalId.length() - 3) : logicalId) + suffix);
  }

  final void encryptWith(KmsKey key) {
    this.kmsKey = Objects.requireNonNull(key, "key == null");
  }

  /** The customer managed key that encrypts it; null for the service's own key. */
  public final KmsKey kmsKey() {
    return kmsKey;
  }

  /** {@code statement}, and {@code kmsActions} on the customer managed key when there is one. */
  final List<IamStatement> withKey(IamStatement statement, String... kmsActions) {
    return kmsKey == null ? List.of(statement)
        : List.of(statement, IamStatement.allow(List.of(kmsActions), List.of(kmsKey.policyArn())));
  }
}
