package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
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
    if (resource instanceof SnsTopic topic) {
      add(topic.existingArn());
      add(topic.displayName());
      add(topic.kmsKey());
      topic.subscriptions().forEach(s -> add(s.endpoint()));
    } else if (resource instanceof HttpConnection connection) {
      add(connection.existingArn());
      add(connection.existingSecretArn());
      add(connection.apiKeyValue());
      add(connection.username());
      add(connection.password());
      add(connection.authorizationEndpoint());
      add(connection.clientId());
      add(connection.clientSecret());
      connection.oauthParameters().forEach(p -> add(p.value()));
      connection.invocationParameters().forEach(p -> add(p.value()));
    } else if (resource instanceof LogGroup logGroup) {
      add(logGroup.retentionInDays());
      add(logGroup.kmsKeyArn());
    } else if (resource instanceof LambdaFunction function) {
      add(function.existingArn());
      add(function.s3Bucket());
      add(function.s3Key());
      function.environment().values().forEach(this::add);
    } else if (resource instanceof Schedule schedule) {
      add(schedule.expression());
      add(schedule.timeZone());
      add(schedule.state());
    } else if (resource instanceof EventRule rule) {
      add(rule.scheduleExpression());
      add(rule.eventBus());
      add(rule.state());
    } else if (resource instanceof MaintenanceWindow window) {
      add(window.schedule());
      add(window.timeZone());
      for (MaintenanceWindowTarget target : window.targets()) {
        add(target.values());
      }
    }
  }
}
