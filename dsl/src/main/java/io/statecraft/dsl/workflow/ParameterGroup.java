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

  public ParameterGroup {
    Objects.requireNonNull(label, "label == null");
    parameters = List.copyOf(parameters);
  }

  public static ParameterGroup of(String label, Parameter... parameters) {
    return new ParameterGroup(label, List.of(parameters));
  }
}
