package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
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
public final class SnsTopic implements WorkflowResource {

  /** A subscription created with the topic. */
  public record Subscription(String protocol, TemplateValue endpoint) {
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

  /** A subscription, such as {@code subscription("email", Parameter.string("AlertEmail"))}. */
  public SnsTopic subscription(String protocol, TemplateValue endpoint) {
    subscriptions.add(new Subscription(protocol, endpoint));
    return this;
  }

  @Override
  public String logicalId() {
    return logicalId;
  }

  /** Whether this stands for an existing topic given by parameter. */
  public boolean isExisting() {
    return existingArn != null;
  }

  /** The ARN parameter of an existing topic; null for a created one. */
  public Parameter existingArn() {
    return existingArn;
  }

  /** The topic's ARN in the state machine: {@code ${<LogicalId>Arn}}, or the parameter's placeholder. */
  public Placeholder arn() {
    return isExisting() ? existingArn.ref() : Placeholder.string(logicalId + "Arn");
  }

  /** The topic's ARN in the template (for outputs and other resources). */
  public TemplateValue templateArn() {
    return isExisting() ? existingArn : new TemplateValue.Attribute(logicalId, null);
  }

  /** The permissions to publish: {@code sns:Publish} on this topic, and the KMS key's when encrypted. */
  public List<IamStatement> publishStatements() {
    List<IamStatement> statements = new ArrayList<>();
    statements.add(IamStatement.allow("sns:Publish", "${" + logicalId + "}"));
    String key = kmsKeyArnForPolicy();
    if (key != null) {
      statements.add(IamStatement.allow(List.of("kms:Decrypt", "kms:GenerateDataKey"), List.of(key)));
    }
    return List.copyOf(statements);
  }

  private String kmsKeyArnForPolicy() {
    if (kmsKey instanceof Parameter parameter) {
      return "${" + parameter.name() + "}";
    }
    if (kmsKey instanceof TemplateValue.Sub sub) {
      return sub.template();
    }
    if (kmsKey instanceof TemplateValue.Attribute attribute) {
      return attribute.attribute() == null
          ? "${" + attribute.logicalId() + "}"
          : "${" + attribute.logicalId() + "." + attribute.attribute() + "}";
    }
    if (kmsKey instanceof TemplateValue.Text text && text.value().startsWith("arn:")) {
      return text.value();
    }
    return null;
  }

  public TemplateValue displayName() {
    return displayName;
  }

  public TemplateValue kmsKey() {
    return kmsKey;
  }

  public List<Subscription> subscriptions() {
    return List.copyOf(subscriptions);
  }
}
