package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SNS topic the workflow publishes to: created by the stack ({@link #named}), optionally
 * encrypted with a KMS key, or an existing one given by an ARN parameter ({@link #existing}).
 *
 * <pre>{@code
 * SnsTopic alerts = SnsTopic.named("AlertsTopic").kmsKey(TemplateValue.of("alias/aws/sns"));
 * Task.named("Notify").resource("arn:aws:states:::sns:publish")
 *     .parameters(Json.object().put("TopicArn", alerts.arn()).put("Message.$", ...).build())
 *     .permissions(alerts.publishStatements().toArray(IamStatement[]::new));
 * }</pre>
 */
public final class SnsTopic implements ArnResource {

  /** A subscription created with the topic. */
  public record Subscription(String protocol, TemplateValue endpoint) {
    /**
     * Checks that the subscription has a protocol ({@code email}, {@code sqs}, {@code lambda},
     * {@code https}, ...) and an endpoint.
     */
    public Subscription {
      Objects.requireNonNull(protocol, "protocol == null");
      Objects.requireNonNull(endpoint, "endpoint == null");
    }
  }

  private final String logicalId;
  private final Parameter existingArn;
  private TemplateValue displayName;
  private TemplateValue kmsKey;
  private final List<Subscription> subscriptions = new ArrayList<>();

  private SnsTopic(String logicalId, Parameter existingArn) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
    this.existingArn = existingArn;
  }

  /** A topic the stack creates, with logical id {@code logicalId}. */
  public static SnsTopic named(String logicalId) {
    return new SnsTopic(logicalId, null);
  }

  /** An existing topic whose ARN the deployer gives in {@code topicArn}; the stack creates nothing. */
  public static SnsTopic existing(Parameter topicArn) {
    Objects.requireNonNull(topicArn, "topicArn == null");
    return new SnsTopic(topicArn.name(), topicArn);
  }

  /** {@code DisplayName}, used as the sender of SMS and email. */
  public SnsTopic displayName(TemplateValue name) {
    this.displayName = name;
    return this;
  }

  /**
   * {@code KmsMasterKeyId}: encrypts messages at rest. {@code alias/aws/sns} (AWS managed) needs
   * no permission; a customer managed key given by ARN (a parameter or {@code Fn::Sub} text) adds
   * {@code kms:GenerateDataKey} and {@code kms:Decrypt} on that key to {@link #publishStatements()}.
   */
  public SnsTopic kmsKey(TemplateValue key) {
    this.kmsKey = key;
    return this;
  }

  /** Encrypts the topic with a customer managed key, which {@link #publishStatements()} then grants. */
  public SnsTopic kmsKey(KmsKey key) {
    return kmsKey(key.templateArn());
  }

  /** A subscription, such as {@code subscription("email", Parameter.string("AlertEmail"))}. */
  public SnsTopic subscription(String protocol, TemplateValue endpoint) {
    subscriptions.add(new Subscription(protocol, endpoint));
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.topic(this);
  }

  /** The ARN parameter of an existing topic; null for a created one. */
  @Override
  public Parameter existingArn() {
    return existingArn;
  }

  /** The topic's ARN in the template: the parameter, or the topic's {@code Ref}, which is its ARN. */
  @Override
  public TemplateValue templateArn() {
    return isExisting() ? existingArn : new TemplateValue.Attribute(logicalId, null);
  }

  /** The permissions to publish: {@code sns:Publish} on this topic, and the KMS key's when encrypted. */
  public List<IamStatement> publishStatements() {
    List<IamStatement> statements = new ArrayList<>();
    statements.add(IamStatement.allow("sns:Publish", policyArn()));
    String key = kmsKeyArnForPolicy();
    if (key != null) {
      statements.add(IamStatement.allow(List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of(key)));
    }
    return List.copyOf(statements);
  }

  // An AWS managed key given by alias needs no permission; a key given any other way is named
  // in the policy as the template writes it.
  private String kmsKeyArnForPolicy() {
    if (kmsKey == null || kmsKey instanceof TemplateValue.Numeric) {
      return null;
    }
    if (kmsKey instanceof TemplateValue.Text text) {
      return text.value().startsWith("arn:") ? text.value() : null;
    }
    return kmsKey.inSub();
  }

  /** The topic's {@code DisplayName}, or null. */
  public TemplateValue displayName() {
    return displayName;
  }

  /**
   * The KMS key that encrypts the topic ({@code KmsMasterKeyId}: a key id, ARN or alias), or null
   * for none.
   */
  public TemplateValue kmsKey() {
    return kmsKey;
  }

  /** The subscriptions the stack creates with the topic, in the order added. */
  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }
}
