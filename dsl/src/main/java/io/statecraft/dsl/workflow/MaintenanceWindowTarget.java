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
  private TemplateValue values;
  private String description;

  private MaintenanceWindowTarget(String logicalId) {
    this.logicalId = Objects.requireNonNull(logicalId, "logicalId == null");
  }

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
    this.values = Objects.requireNonNull(values, "values == null");
    return this;
  }

  /** The instances listed, a literal or a list parameter (such as {@code List<AWS::EC2::Instance::Id>}). */
  public MaintenanceWindowTarget instanceIds(TemplateValue ids) {
    this.resourceType = "INSTANCE";
    this.key = "InstanceIds";
    this.values = Objects.requireNonNull(ids, "ids == null");
    return this;
  }

  /** The resources of a resource group, by name. */
  public MaintenanceWindowTarget resourceGroup(TemplateValue groupName) {
    this.resourceType = "RESOURCE_GROUP";
    this.key = "resource-groups:Name";
    this.values = Objects.requireNonNull(groupName, "groupName == null");
    return this;
  }

  public MaintenanceWindowTarget description(String description) {
    this.description = description;
    return this;
  }

  public String logicalId() {
    return logicalId;
  }

  /** {@code INSTANCE} or {@code RESOURCE_GROUP}. */
  public String resourceType() {
    return resourceType;
  }

  /** The target key ({@code tag:Name}, {@code InstanceIds}, {@code resource-groups:Name}); null until chosen. */
  public String key() {
    return key;
  }

  public TemplateValue values() {
    return values;
  }

  public String description() {
    return description;
  }
}
