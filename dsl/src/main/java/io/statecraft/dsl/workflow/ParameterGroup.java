package io.statecraft.dsl.workflow;

import java.util.List;
import java.util.Objects;

/**
 * Parameters shown together under a label in the console ({@code AWS::CloudFormation::Interface}
 * {@code ParameterGroups}).
 *
 * @param label the group's heading
 * @param parameters the parameters, in the order to show them
 */
public record ParameterGroup(String label, List<Parameter> parameters) {

  /**
   * Checks that the group has a label and keeps an unmodifiable copy of its parameters, in order.
   */
  public ParameterGroup {
    Objects.requireNonNull(label, "label == null");
    parameters = List.copyOf(parameters);
  }

  /**
   * A group of the console's deploy form (written to {@code AWS::CloudFormation::Interface}
   * metadata): the parameters shown together under {@code label}, in this order.
   */
  public static ParameterGroup of(String label, Parameter... parameters) {
    return new ParameterGroup(label, List.of(parameters));
  }
}
