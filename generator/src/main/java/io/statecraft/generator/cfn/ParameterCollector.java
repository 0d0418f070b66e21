package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.VersionWeight;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.dsl.workflow.WorkflowSpec.ConditionalPermission;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The parameters a workflow's resources, tags, name, outputs and template conditions use, in the
 * order they appear; and the template conditions it uses.
 */
final class ParameterCollector {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final List<Parameter> found = new ArrayList<>();

  private ParameterCollector() {}

  static List<Parameter> implicit(WorkflowSpec spec) {
    ParameterCollector collector = new ParameterCollector();
    collector.add(spec.name());
    collector.addValues(spec.tags().values());
    if (spec.logGroup() != null) {
      collector.resource(spec.logGroup());
    }
    for (WorkflowResource resource : spec.resources()) {
      collector.resource(resource);
    }
    collector.add(spec.alarmTopicArn());
    for (Output output : spec.outputs()) {
      collector.add(output.value());
    }
    collector.addValues(spec.substitutions().values());
    if (spec.deployment() != null) {
      collector.addValues(spec.deployment().alarms());
    }
    if (spec.alias() != null && spec.publishesVersions()) { // otherwise no alias is written (INVALID_ROUTING)
      for (VersionWeight weight : spec.routing()) {
        collector.add(weight.versionArn());
      }
    }
    for (ConditionalPermission permission : spec.conditionalPermissions()) {
      collector.addAll(TemplateConditions.parametersOf(permission.condition()));
    }
    for (WorkflowResource resource : spec.resources()) {
      TemplateCondition condition = spec.conditionOf(resource);
      if (condition != null) {
        collector.addAll(TemplateConditions.parametersOf(condition));
      }
    }
    return List.copyOf(collector.found);
  }

  /** The template conditions a workflow uses: in values, conditional grants and conditional resources. */
  static TemplateConditions conditions(WorkflowSpec spec) {
    TemplateConditions conditions = new TemplateConditions();
    addValues(conditions, spec.tags().values());
    if (spec.logGroup() != null) {
      addValues(conditions, ResourceTemplate.of(spec.logGroup()).propertyValues());
    }
    for (WorkflowResource resource : spec.resources()) {
      addValues(conditions, ResourceTemplate.of(resource).propertyValues());
      conditions.add(spec.conditionOf(resource));
    }
    for (Output output : spec.outputs()) {
      conditions.add(output.value());
    }
    addValues(conditions, spec.substitutions().values());
    for (ConditionalPermission permission : spec.conditionalPermissions()) {
      conditions.add(permission.condition());
    }
    return conditions;
  }

  private static void addValues(TemplateConditions conditions, Collection<? extends TemplateValue> values) {
    for (TemplateValue value : values) {
      conditions.add(value);
    }
  }

  private void addValues(Collection<? extends TemplateValue> values) {
    for (TemplateValue value : values) {
      add(value);
    }
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
    addValues(ResourceTemplate.of(resource).propertyValues());
  }
}
