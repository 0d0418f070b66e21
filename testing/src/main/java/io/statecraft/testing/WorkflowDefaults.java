package io.statecraft.testing;

import io.statecraft.dsl.workflow.ArnResource;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.EventBus;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.Secret;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values a workflow's placeholders take in a test unless the test gives its own: each
 * parameter's default, and for each supporting resource a well-formed ARN (and queue URL, table
 * or bucket name) in the executor's region and account, named after the resource's logical id.
 * The ARN formats are those of the Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html).
 */
final class WorkflowDefaults implements WorkflowResource.Visitor<Map<String, String>> {

  /** The alias name in the dummy ARN of a state machine given by an alias: the name the docs use for a released alias. */
  static final String DUMMY_ALIAS = "live";

  private final String region;
  private final String account;

  private WorkflowDefaults(String region, String account) {
    this.region = region;
    this.account = account;
  }

  /** The default substitutions of {@code spec}'s placeholders, by placeholder name. */
  static Map<String, String> of(WorkflowSpec spec, String region, String account) {
    Map<String, String> values = new LinkedHashMap<>();
    WorkflowDefaults defaults = new WorkflowDefaults(region, account);
    for (WorkflowResource resource : spec.resources()) {
      values.putAll(resource.accept(defaults));
    }
    // A parameter's own default wins over a dummy ARN for an existing resource given by it.
    for (Parameter parameter : spec.parameters()) {
      if (parameter.defaultValue() != null) {
        values.put(parameter.name(), parameter.defaultValue());
      }
    }
    return values;
  }

  private String arn(String service, String resource) {
    return "arn:aws:" + service + ":" + region + ":" + account + ":" + resource;
  }

  private static Map<String, String> arnOf(ArnResource resource, String arn) {
    return Map.of(resource.arn().name(), arn);
  }

  private static String id(ArnResource resource) {
    return resource.arn().name().replaceFirst("Arn$", "");
  }

  @Override
  public Map<String, String> topic(SnsTopic topic) {
    return arnOf(topic, arn("sns", id(topic)));
  }

  @Override
  public Map<String, String> connection(HttpConnection connection) {
    Map<String, String> values = new LinkedHashMap<>(arnOf(connection,
        arn("events", "connection/" + id(connection) + "/00000000-0000-4000-8000-000000000000")));
    if (connection.existingSecretArn() != null) {
      values.put(connection.existingSecretArn().name(),
          arn("secretsmanager", "secret:events!connection/" + id(connection) + "-AbCdEf"));
    }
    return values;
  }

  @Override
  public Map<String, String> function(LambdaFunction function) {
    return arnOf(function, arn("lambda", "function:" + id(function)));
  }

  @Override
  public Map<String, String> queue(SqsQueue queue) {
    return Map.of(queue.arn().name(), arn("sqs", id(queue)),
        queue.url().name(), "https://sqs." + region + ".amazonaws.com/" + account + "/" + id(queue));
  }

  @Override
  public Map<String, String> table(DynamoDbTable table) {
    return Map.of(table.arn().name(), arn("dynamodb", "table/" + id(table)), table.name().name(), id(table));
  }

  @Override
  public Map<String, String> bucket(S3Bucket bucket) {
    // Bucket names are lower case; S3 ARNs name neither region nor account.
    String name = id(bucket).toLowerCase(Locale.ROOT);
    return Map.of(bucket.arn().name(), "arn:aws:s3:::" + name, bucket.name().name(), name);
  }

  /**
   * An unqualified state machine ARN, or for {@link StateMachineRef#alias} an alias ARN: the state
   * machine's ARN, a colon and the alias name
   * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-state-machine-alias.html), so a
   * test sees what StartExecution through an alias gets. The state machine is named after the
   * parameter without {@code Arn} and a trailing {@code Alias} ({@code BillingAliasArn} gives
   * {@code Billing}); the alias is {@value #DUMMY_ALIAS}.
   */
  @Override
  public Map<String, String> stateMachine(StateMachineRef stateMachine) {
    if (!stateMachine.isAlias()) {
      return arnOf(stateMachine, arn("states", "stateMachine:" + id(stateMachine)));
    }
    String id = id(stateMachine);
    String name = id.length() > "Alias".length() && id.endsWith("Alias") ? id.substring(0, id.length() - "Alias".length()) : id;
    return arnOf(stateMachine, arn("states", "stateMachine:" + name + ":" + DUMMY_ALIAS));
  }

  @Override
  public Map<String, String> eventBus(EventBus bus) {
    return arnOf(bus, arn("events", "event-bus/" + id(bus)));
  }

  @Override
  public Map<String, String> secret(Secret secret) {
    // Secrets Manager appends six random characters to the name.
    return arnOf(secret, arn("secretsmanager", "secret:" + id(secret) + "-AbCdEf"));
  }

  @Override
  public Map<String, String> kmsKey(KmsKey key) {
    return arnOf(key, arn("kms", "key/00000000-0000-4000-8000-000000000000"));
  }

  // What follows puts nothing into the definition.

  @Override
  public Map<String, String> logGroup(LogGroup logGroup) {
    return Map.of();
  }

  @Override
  public Map<String, String> schedule(Schedule schedule) {
    return Map.of();
  }

  @Override
  public Map<String, String> rule(EventRule rule) {
    return Map.of();
  }

  @Override
  public Map<String, String> maintenanceWindow(MaintenanceWindow window) {
    return Map.of();
  }
}
