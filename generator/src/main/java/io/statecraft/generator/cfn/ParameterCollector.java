package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.ArrayList;
import java.util.List;

/** The parameters a workflow's resources, tags, name and outputs use, in the order they appear. */
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
    return List.copyOf(collector.found);
  }

  private void add(TemplateValue value) {
    if (value instanceof Parameter parameter && !found.contains(parameter)) {
      found.add(parameter);
    }
  }

  private void resource(WorkflowResource resource) {
    ResourceTemplate.of(resource).propertyValues().forEach(this::add);
  }
}
