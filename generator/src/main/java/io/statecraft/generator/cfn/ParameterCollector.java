package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The parameters a workflow's resources, tags, name, outputs and template conditions use, in the
 * order they appear; and the template conditions it uses.
 */
final class ParameterCollector {

  private final List<Parameter> found = new ArrayList<>();

  private ParameterCollector() {}

  static List<Parameter> implicit(WorkflowSpec spec) {
    ParameterCollector collector = new ParameterCollector();
    collector.add(spec.name());
    spec.tags().values().forEach(collector::add);
    if (spec.logGroup() != null) {
      collector.resource(spec.logGroup());
    }
    spec.resources().forEach(collector::resource);
    collector.add(spec.alarmTopicArn());
    for (Output output : spec.outputs()) {
      collector.add(output.value());
    }
    spec.substitutions().values().forEach(collector::add);
    if (spec.deployment() != null) {
      spec.deployment().alarms().forEach(collector::add);
    }
    if (spec.alias() != null && spec.publishesVersions()) { // otherwise no alias is written (INVALID_ROUTING)
      spec.routing().forEach(weight -> collector.add(weight.versionArn()));
    }
    spec.conditionalPermissions().forEach(permission -> collector.addAll(TemplateConditions.parametersOf(permission.condition())));
    spec.resources().stream().map(spec::conditionOf).filter(Objects::nonNull)
        .forEach(condition -> collector.addAll(TemplateConditions.parametersOf(condition)));
    return List.copyOf(collector.found);
  }

  /** The template conditions a workflow uses: in values, conditional grants and conditional resources. */
  static TemplateConditions conditions(WorkflowSpec spec) {
    TemplateConditions conditions = new TemplateConditions();
    spec.tags().values().forEach(conditions::add);
    if (spec.logGroup() != null) {
      ResourceTemplate.of(spec.logGroup()).propertyValues().forEach(conditions::add);
    }
    for (WorkflowResource resource : spec.resources()) {
      ResourceTemplate.of(resource).propertyValues().forEach(conditions::add);
      conditions.add(spec.conditionOf(resource));
    }
    spec.outputs().forEach(output -> conditions.add(output.value()));
    spec.substitutions().values().forEach(conditions::add);
    spec.conditionalPermissions().forEach(permission -> conditions.add(permission.condition()));
    return conditions;
  }

  private void add(TemplateValue value) {
    addAll(TemplateConditions.parametersOf(value));
  }

  private void addAll(List<Parameter> parameters) {
    for (Parameter parameter : parameters) {
      if (!found.contains(parameter)) {
        found.add(parameter);
      }
    }
  }

  private void resource(WorkflowResource resource) {
    ResourceTemplate.of(resource).propertyValues().forEach(this::add);
  }
}
