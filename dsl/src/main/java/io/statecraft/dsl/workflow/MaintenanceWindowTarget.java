package io.statecraft.dsl.workflow;

import java.util.Objects;

/**
 * The instances a {@link MaintenanceWindow} runs its task for ({@code AWS::SSM::MaintenanceWindowTarget}):
 * by tag, by instance id, or a resource group. The task runs once per target, and its input's
 * {@code {{TARGET_ID}}} is replaced by the target's id.
 */
public final class MaintenanceWindowTarget {

  private final String logicalId;
  private String resourceType = "INSTANCE";
  private String key;
  private Parameter tagKeyParameter;
  private TemplateValue values;
  private String description;

  private MaintenanceWindowTarget(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

  /**
   * A target of a maintenance window ({@code AWS::SSM::MaintenanceWindowTarget}) with the logical
   * id {@code logicalId}: the instances or resource group the window's task runs on. Choose them
   * with one of {@code instancesTagged}, {@code instanceIds} or {@code resourceGroup}.
   */
  public static MaintenanceWindowTarget named(String logicalId) {
    return new MaintenanceWindowTarget(logicalId);
  }

  /**
   * Instances with tag {@code tagKey} set to one of {@code values} (a literal, or a
   * {@code CommaDelimitedList} parameter).
   */
  public MaintenanceWindowTarget instancesTagged(String tagKey, TemplateValue values) {
    this.resourceType = "INSTANCE";
    this.key = "tag:" + Objects.requireNonNull(tagKey, "tagKey == null");
    this.tagKeyParameter = null;
    this.values = Objects.requireNonNull(values, "values == null");
    return this;
  }

  /**
   * Instances whose tag named by the {@code String} parameter {@code tagKey} is set to one of
   * {@code values}. The key is written {@code Fn::Sub "tag:${TagKey}"}. Prefer a fixed key when
   * the execution role should act only on tagged instances: an IAM condition key such as
   * {@code aws:ResourceTag/<key>} is a JSON object key, which no template parameter can fill in.
   */
  public MaintenanceWindowTarget instancesTagged(Parameter tagKey, TemplateValue values) {
    this.resourceType = "INSTANCE";
    this.tagKeyParameter = Objects.requireNonNull(tagKey, "tagKey == null");
    this.key = "tag:${" + tagKey.name() + "}";
    this.values = Objects.requireNonNull(values, "values == null");
    return this;
  }

  /** The instances listed, a literal or a list parameter (such as {@code List<AWS::EC2::Instance::Id>}). */
  public MaintenanceWindowTarget instanceIds(TemplateValue ids) {
    this.resourceType = "INSTANCE";
    this.key = "InstanceIds";
    this.tagKeyParameter = null;
    this.values = Objects.requireNonNull(ids, "ids == null");
    return this;
  }

  /** The resources of a resource group, by name. */
  public MaintenanceWindowTarget resourceGroup(TemplateValue groupName) {
    this.resourceType = "RESOURCE_GROUP";
    this.key = "resource-groups:Name";
    this.tagKeyParameter = null;
    this.values = Objects.requireNonNull(groupName, "groupName == null");
    return this;
  }

  /** The target's {@code Description}, shown in the Systems Manager console. */
  public MaintenanceWindowTarget description(String description) {
    this.description = description;
    return this;
  }

  /** The target's logical id in the template. */
  public String logicalId() {
    return logicalId;
  }

  /** {@code INSTANCE} or {@code RESOURCE_GROUP}. */
  public String resourceType() {
    return resourceType;
  }

  /**
   * The target key ({@code tag:Name}, {@code InstanceIds}, {@code resource-groups:Name}, or
   * {@code tag:${TagKey}} with a parameter's {@code Fn::Sub} reference); null until chosen.
   */
  public String key() {
    return key;
  }

  /** The parameter naming the tag key, or null when the key is fixed. */
  public Parameter tagKeyParameter() {
    return tagKeyParameter;
  }

  /**
   * The values the key must have: tag values, instance ids or the group's name; null until chosen.
   */
  public TemplateValue values() {
    return values;
  }

  /** The target's {@code Description}, or null. */
  public String description() {
    return description;
  }
}
