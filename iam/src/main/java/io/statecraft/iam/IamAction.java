package io.statecraft.iam;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An IAM action as AWS's Service Authorization Reference describes it.
 *
 * @param servicePrefix the service prefix, such as {@code s3}
 * @param name the action's name exactly as AWS spells it, such as {@code ListAllMyBuckets}
 * @param accessLevels the action's access levels; more than one for tagging and
 *     permissions-management actions, which are also writes (see {@link #accessLevel()})
 * @param resourceTypes the resource types the action acts on, sorted by name; empty when it
 *     supports no resource-level permissions and a statement must use {@code "Resource": "*"}
 * @param conditionKeys condition keys that apply to the action whatever the resource, sorted
 * @param dependentActions actions that must also be allowed, sorted; usually empty
 */
public record IamAction(
    String servicePrefix,
    String name,
    Set<IamAccessLevel> accessLevels,
    List<IamActionResource> resourceTypes,
    List<String> conditionKeys,
    List<String> dependentActions) {

  public IamAction {
    Objects.requireNonNull(servicePrefix, "servicePrefix == null");
    Objects.requireNonNull(name, "name == null");
    if (accessLevels.isEmpty()) {
      throw new IllegalArgumentException("accessLevels is empty for " + servicePrefix + ":" + name);
    }
    // An EnumSet iterates in declaration order, so equal actions print alike.
    accessLevels = Collections.unmodifiableSet(EnumSet.copyOf(accessLevels));
    resourceTypes = List.copyOf(resourceTypes);
    conditionKeys = List.copyOf(conditionKeys);
    dependentActions = List.copyOf(dependentActions);
  }

  /** The name to write in a policy's {@code Action}: {@code s3:ListAllMyBuckets}. */
  public String qualifiedName() {
    return servicePrefix + ":" + name;
  }

  /**
   * The access level AWS's reference tables show: the most specific of {@link #accessLevels()},
   * so {@code TAGGING} rather than {@code WRITE} for {@code sns:TagResource}.
   */
  public IamAccessLevel accessLevel() {
    IamAccessLevel most = null;
    for (IamAccessLevel level : accessLevels) {
      most = level; // declaration order runs from the least to the most specific
    }
    return most;
  }

  /**
   * Whether a policy can name specific resources for this action: true when it lists at least
   * one resource type. When false, the only resource a statement can grant it on is {@code *}.
   */
  public boolean supportsResourceLevelPermissions() {
    return !resourceTypes.isEmpty();
  }
}
