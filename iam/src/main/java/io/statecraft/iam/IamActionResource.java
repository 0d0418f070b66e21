package io.statecraft.iam;

import java.util.List;
import java.util.Objects;

/**
 * One resource type that an action acts on, as listed in the action's row of AWS's Service
 * Authorization Reference. Look the type itself up with {@link IamCatalog#resourceType} (or
 * {@link IamCatalog#resourceTypes(IamAction)}) for its ARN formats.
 *
 * @param name the resource type's name within the action's service, such as {@code instance}
 * @param required whether AWS marks it required (an asterisk in the reference): a statement that
 *     grants the action on specific resources must name a resource of this type
 * @param conditionKeys condition keys that apply when the action acts on this type, sorted
 * @param dependentActions actions that must also be allowed for this type, sorted; usually empty
 */
public record IamActionResource(
    String name, boolean required, List<String> conditionKeys, List<String> dependentActions) {

  public IamActionResource {
    Objects.requireNonNull(name, "name == null");
    conditionKeys = List.copyOf(conditionKeys);
    dependentActions = List.copyOf(dependentActions);
  }
}
