package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import java.util.List;

/**
 * An SQS queue: created by the stack (encrypted with SQS's key or {@link #kmsKey(KmsKey)}), or an
 * existing one by ARN, whose URL the template derives from it. Send to {@link #url()}, grant
 * {@link #sendStatements()}.
 */
public final class SqsQueue extends StackResource {

  private boolean fifo;

  private SqsQueue(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /**
   * An SQS queue the stack creates, with the logical id {@code logicalId} in the template (which
   * also names the parameters and outputs derived from it). List it in the workflow's {@code
   * resources(...)}.
   */
  public static SqsQueue named(String logicalId) {
    return new SqsQueue(logicalId, null);
  }

  /**
   * An SQS queue that exists already, given at deploy time by the ARN in the stack parameter {@code
   * queueArn}: the stack does not create it, and the statements of the execution role are scoped to
   * that ARN. Its logical id is the parameter's name.
   */
  public static SqsQueue existing(Parameter queueArn) {
    return new SqsQueue(required(queueArn).name(), queueArn);
  }

  /** Makes a created queue FIFO. */
  public SqsQueue fifo() {
    this.fifo = true;
    return this;
  }

  /** The customer managed key that encrypts the queue. */
  public SqsQueue kmsKey(KmsKey key) {
    encryptWith(key);
    return this;
  }

  /**
   * Whether the queue is a FIFO queue (set with {@link #fifo()}), whose sends need a message group
   * id.
   */
  public boolean isFifo() {
    return fifo;
  }

  /** The queue's URL in the definition: {@code ${<Base>Url}}. */
  public Placeholder url() {
    return placeholder("Url");
  }

  /**
   * {@code sqs:SendMessage}, and {@code kms:GenerateDataKey}/{@code kms:Decrypt} on a customer managed
   * key as SQS requires of producers (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-key-management.html).
   */
  public List<IamStatement> sendStatements() {
    return withKey(IamStatement.allow("sqs:SendMessage", policyArn()), "kms:Decrypt", "kms:GenerateDataKey");
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.queue(this);
  }
}
