package io.statecraft.generator.cfn;

import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.EventBus;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.Secret;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the template holds for one resource of a workflow, in one place per type of resource: the
 * values of its properties (the parameters among them are declared by themselves), the
 * placeholder that stands for its ARN in the definition, and the resources it writes, checking its
 * properties on the way.
 *
 * <p>A new type of resource is its model class in {@code io.statecraft.dsl.workflow} and one
 * implementation of this interface. The compiler leads the way: the model class's method in
 * {@link WorkflowResource.Visitor} makes {@link #of} fail to compile until it returns the new
 * implementation, which must be listed in {@code permits} and answer every method below.
 */
sealed interface ResourceTemplate
    permits SnsTopicTemplate, HttpConnectionTemplate, LambdaFunctionTemplate, LogGroupTemplate,
        ScheduleTemplate, EventRuleTemplate, MaintenanceWindowTemplate, SqsQueueTemplate, DynamoDbTableTemplate,
        S3BucketTemplate, StateMachineRefTemplate, EventBusTemplate, SecretTemplate, KmsKeyTemplate {

  /** The template of {@code resource}, by its type. */
  static ResourceTemplate of(WorkflowResource resource) {
    return resource.accept(new WorkflowResource.Visitor<ResourceTemplate>() {
      @Override
      public ResourceTemplate topic(SnsTopic topic) {
        return new SnsTopicTemplate(topic);
      }

      @Override
      public ResourceTemplate connection(HttpConnection connection) {
        return new HttpConnectionTemplate(connection);
      }

      @Override
      public ResourceTemplate function(LambdaFunction function) {
        return new LambdaFunctionTemplate(function);
      }

      @Override
      public ResourceTemplate logGroup(LogGroup logGroup) {
        return new LogGroupTemplate(logGroup);
      }

      @Override
      public ResourceTemplate schedule(Schedule schedule) {
        return new ScheduleTemplate(schedule);
      }

      @Override
      public ResourceTemplate rule(EventRule rule) {
        return new EventRuleTemplate(rule);
      }

      @Override
      public ResourceTemplate maintenanceWindow(MaintenanceWindow window) {
        return new MaintenanceWindowTemplate(window);
      }

      @Override
      public ResourceTemplate queue(SqsQueue queue) {
        return new SqsQueueTemplate(queue);
      }

      @Override
      public ResourceTemplate table(DynamoDbTable table) {
        return new DynamoDbTableTemplate(table);
      }

      @Override
      public ResourceTemplate bucket(S3Bucket bucket) {
        return new S3BucketTemplate(bucket);
      }

      @Override
      public ResourceTemplate stateMachine(StateMachineRef stateMachine) {
        return new StateMachineRefTemplate(stateMachine);
      }

      @Override
      public ResourceTemplate eventBus(EventBus bus) {
        return new EventBusTemplate(bus);
      }

      @Override
      public ResourceTemplate secret(Secret secret) {
        return new SecretTemplate(secret);
      }

      @Override
      public ResourceTemplate kmsKey(KmsKey key) {
        return new KmsKeyTemplate(key);
      }
    });
  }

  /**
   * The values of its properties that a deployer may choose (nulls allowed), in the order the
   * template declares the parameters among them.
   */
  List<TemplateValue> propertyValues();

  /** The placeholder of its ARN that the definition may use; empty when it has none of its own. */
  Optional<ArnPlaceholder> arnPlaceholder();

  /**
   * The placeholders besides its ARN that the definition may use (a queue's URL, a table's name),
   * each with what fills it in.
   */
  default Map<String, JsonNode> placeholders() {
    return Map.of();
  }

  /** Writes it, and what it needs (roles, log groups, queues), reporting what is wrong with its properties. */
  void write(TemplateContext context);

  /**
   * Whether it creates a log group kept {@code LogRetentionInDays}, so that the template declares
   * that parameter.
   */
  default boolean keepsLogsForLogRetention() {
    return false;
  }
}
