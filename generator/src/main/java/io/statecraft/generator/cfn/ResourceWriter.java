package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.json.JsonPointers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Writes the supporting resources and triggers of a workflow, with the roles they need. */
final class ResourceWriter {

  private static final Set<String> SNS_PROTOCOLS = Set.of(
      "email", "email-json", "http", "https", "sqs", "sms", "lambda", "application", "firehose");

  private final TemplateContext context;
  private final WorkflowSpec spec;

  ResourceWriter(TemplateContext context, WorkflowSpec spec) {
    this.context = context;
    this.spec = spec;
  }

  void writeAll() {
    if (spec.logGroup() != null && !spec.resources().contains(spec.logGroup())) {
      logGroup(spec.logGroup());
    }
    for (WorkflowResource resource : spec.resources()) {
      if (resource instanceof SnsTopic topic) {
        topic(topic);
      } else if (resource instanceof HttpConnection connection) {
        connection(connection);
      } else if (resource instanceof LogGroup logGroup) {
        logGroup(logGroup);
      } else if (resource instanceof LambdaFunction function) {
        function(function);
      } else if (resource instanceof Schedule schedule) {
        schedule(schedule);
      } else if (resource instanceof EventRule rule) {
        rule(rule);
      } else if (resource instanceof MaintenanceWindow window) {
        maintenanceWindow(window);
      }
    }
  }

  private void topic(SnsTopic topic) {
    if (topic.isExisting()) {
      return;
    }
    String id = topic.logicalId();
    ObjectNode properties = context.resource(id, "AWS::SNS::Topic");
    if (topic.displayName() != null) {
      properties.set("DisplayName", TemplateJson.value(topic.displayName()));
    }
    if (topic.kmsKey() != null) {
      properties.set("KmsMasterKeyId", TemplateJson.value(topic.kmsKey()));
    }
    if (!topic.subscriptions().isEmpty()) {
      ArrayNode subscriptions = properties.putArray("Subscription");
      for (int i = 0; i < topic.subscriptions().size(); i++) {
        SnsTopic.Subscription subscription = topic.subscriptions().get(i);
        if (!SNS_PROTOCOLS.contains(subscription.protocol())) {
          context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "Subscription",
              String.valueOf(i), "Protocol"), "SNS protocol '" + subscription.protocol() + "' of topic " + id
              + " is not one of " + new TreeSet<>(SNS_PROTOCOLS));
        }
        ObjectNode node = subscriptions.addObject();
        node.put("Protocol", subscription.protocol());
        node.set("Endpoint", TemplateJson.value(subscription.endpoint()));
      }
    }
  }

  private void connection(HttpConnection connection) {
    String id = connection.logicalId();
    if (connection.isExisting()) {
      return;
    }
    ObjectNode properties = context.resource(id, "AWS::Events::Connection");
    if (connection.description() != null) {
      properties.put("Description", connection.description());
    }
    if (connection.authorization() == null) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "AuthorizationType"),
          "connection " + id + " has no authorization; choose apiKey(...), basic(...) or oauthClientCredentials(...) "
              + "(an endpoint without authentication still needs one: an API key header it ignores)");
      return;
    }
    properties.put("AuthorizationType", connection.authorization().name());
    ObjectNode auth = properties.putObject("AuthParameters");
    String authPointer = TemplateContext.pointer(id, "Properties", "AuthParameters");
    switch (connection.authorization()) {
      case API_KEY -> {
        ObjectNode apiKey = auth.putObject("ApiKeyAuthParameters");
        apiKey.put("ApiKeyName", connection.apiKeyName());
        apiKey.set("ApiKeyValue", secret(connection.apiKeyValue(), id, "API key",
            authPointer + "/ApiKeyAuthParameters/ApiKeyValue"));
      }
      case BASIC -> {
        ObjectNode basic = auth.putObject("BasicAuthParameters");
        basic.set("Username", TemplateJson.value(connection.username()));
        basic.set("Password", secret(connection.password(), id, "password",
            authPointer + "/BasicAuthParameters/Password"));
      }
      case OAUTH_CLIENT_CREDENTIALS -> {
        ObjectNode oauth = auth.putObject("OAuthParameters");
        oauth.set("AuthorizationEndpoint", TemplateJson.value(connection.authorizationEndpoint()));
        oauth.put("HttpMethod", connection.oauthMethod().name());
        ObjectNode client = oauth.putObject("ClientParameters");
        client.set("ClientID", TemplateJson.value(connection.clientId()));
        client.set("ClientSecret", secret(connection.clientSecret(), id, "client secret",
            authPointer + "/OAuthParameters/ClientParameters/ClientSecret"));
        if (!connection.oauthParameters().isEmpty()) {
          oauth.set("OAuthHttpParameters", httpParameters(connection.oauthParameters(), id,
              authPointer + "/OAuthParameters/OAuthHttpParameters"));
        }
      }
      default -> throw new IllegalStateException(connection.authorization().name());
    }
    if (!connection.invocationParameters().isEmpty()) {
      auth.set("InvocationHttpParameters", httpParameters(connection.invocationParameters(), id,
          authPointer + "/InvocationHttpParameters"));
    }
  }

  private ObjectNode httpParameters(List<HttpConnection.HttpParameter> parameters, String id, String pointer) {
    ObjectNode node = TemplateJson.NODES.objectNode();
    for (HttpConnection.HttpParameter parameter : parameters) {
      String field = switch (parameter.location()) {
        case HEADER -> "HeaderParameters";
        case QUERY_STRING -> "QueryStringParameters";
        case BODY -> "BodyParameters";
      };
      ArrayNode array = node.has(field) ? (ArrayNode) node.get(field) : node.putArray(field);
      ObjectNode item = array.addObject();
      item.put("Key", parameter.key());
      String itemPointer = JsonPointers.child(JsonPointers.child(pointer, field), array.size() - 1);
      item.set("Value", parameter.secret()
          ? secret(parameter.value(), id, "secret " + field.replace("Parameters", "").toLowerCase(Locale.ROOT)
              + " parameter " + parameter.key(), JsonPointers.child(itemPointer, "Value"))
          : TemplateJson.value(parameter.value()));
      item.put("IsValueSecret", parameter.secret());
    }
    return node;
  }

  // A secret only ever comes from a NoEcho parameter: a literal would sit in the template in clear.
  private com.fasterxml.jackson.databind.JsonNode secret(TemplateValue value, String id, String what, String pointer) {
    if (!(value instanceof Parameter parameter) || !parameter.isNoEcho()) {
      context.error(CfnCodes.SECRET_NOT_NOECHO, pointer, "the " + what + " of connection " + id + " is a secret, "
          + "but " + (value instanceof Parameter p ? "parameter " + p.name() + " is not NoEcho; add .noEcho() to it"
              : "it is not a parameter; give it as a Parameter with .noEcho(), never as a literal"));
    }
    return TemplateJson.value(value);
  }

  private void logGroup(LogGroup logGroup) {
    String id = logGroup.logicalId();
    ObjectNode properties = context.resource(id, "AWS::Logs::LogGroup");
    if (logGroup.retentionInDays() != null) {
      TemplateValue retention = logGroup.retentionInDays();
      if (retention instanceof TemplateValue.Numeric number && Arrays.stream(LogGroup.RETENTION_DAYS)
          .noneMatch(days -> BigDecimal.valueOf(days).compareTo(number.value()) == 0)) {
        context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "RetentionInDays"),
            "log group " + id + " keeps logs " + number.value().toPlainString() + " days, which CloudWatch Logs does not offer; "
                + "choose one of " + Arrays.toString(LogGroup.RETENTION_DAYS));
      }
      properties.set("RetentionInDays", TemplateJson.value(retention));
    }
    if (logGroup.kmsKeyArn() != null) {
      properties.set("KmsKeyId", TemplateJson.value(logGroup.kmsKeyArn()));
    }
  }

  private void function(LambdaFunction function) {
    if (function.isExisting()) {
      return;
    }
    String id = function.logicalId();
    String roleId = id + "Role";
    ObjectNode properties = context.resource(id, "AWS::Lambda::Function");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (function.description() != null) {
      properties.put("Description", function.description());
    }
    if (!LambdaFunction.CURRENT_RUNTIMES.contains(function.runtime())) {
      context.error(CfnCodes.DEPRECATED_RUNTIME, JsonPointers.child(pointer, "Runtime"), "runtime '"
          + function.runtime() + "' of function " + id + " is deprecated or unknown, so Lambda refuses to create the "
          + "function; choose a current one such as " + LambdaFunction.DEFAULT_RUNTIME + " ("
          + String.join(", ", new TreeSet<>(LambdaFunction.CURRENT_RUNTIMES)) + ")");
    }
    properties.put("Runtime", function.runtime());
    properties.put("Handler", function.handler());
    ObjectNode code = properties.putObject("Code");
    if (function.inlineCode() != null) {
      int bytes = function.inlineCode().getBytes(StandardCharsets.UTF_8).length;
      if (bytes > 4096) {
        context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "the inline "
            + "code of function " + id + " is " + bytes + " bytes, over CloudFormation's 4096; put it in S3 with s3Code(...)");
      }
      if (!function.runtime().startsWith("python") && !function.runtime().startsWith("nodejs")) {
        context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "function " + id
            + " has inline code, which only Python and Node.js runtimes accept, but its runtime is " + function.runtime());
      }
      code.put("ZipFile", function.inlineCode());
    } else if (function.s3Bucket() != null) {
      code.set("S3Bucket", TemplateJson.value(function.s3Bucket()));
      code.set("S3Key", TemplateJson.value(function.s3Key()));
    } else {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Code"), "function " + id
          + " has no code; give inlineCode(...) or s3Code(bucket, key)");
    }
    properties.set("Role", TemplateJson.getAtt(roleId, "Arn"));
    if (function.timeoutSeconds() < 1 || function.timeoutSeconds() > 900) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Timeout"), "function " + id
          + " has a timeout of " + function.timeoutSeconds() + " seconds; Lambda allows 1 to 900");
    }
    properties.put("Timeout", function.timeoutSeconds());
    if (function.memorySizeMb() < 128 || function.memorySizeMb() > 10240) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MemorySize"), "function " + id
          + " has " + function.memorySizeMb() + " MB of memory; Lambda allows 128 to 10240");
    }
    properties.put("MemorySize", function.memorySizeMb());
    if (!function.environment().isEmpty()) {
      ObjectNode variables = properties.putObject("Environment").putObject("Variables");
      function.environment().forEach((name, value) -> variables.set(name, TemplateJson.value(value)));
    }

    ObjectNode role = context.role(roleId, "lambda.amazonaws.com", null);
    List<Grant> grants = new ArrayList<>();
    for (IamStatement statement : function.permissions()) {
      grants.add(new Grant(statement, "function " + id, null));
    }
    context.inlinePolicy(roleId, role, "FunctionPermissions", grants);

    // The function's log group is named after the function, so it is created after the function,
    // and the right to write to it is attached to the role after both exist.
    String logGroupId = id + "LogGroup";
    ObjectNode logGroup = context.resource(logGroupId, "AWS::Logs::LogGroup");
    logGroup.set("LogGroupName", TemplateJson.sub("/aws/lambda/${" + id + "}"));
    logGroup.set("RetentionInDays", TemplateJson.ref(TemplateGenerator.LOG_RETENTION_PARAMETER));
    String policyId = id + "LogsPolicy";
    ObjectNode policy = context.resource(policyId, "AWS::IAM::Policy");
    policy.put("PolicyName", "WriteLogs");
    policy.set("PolicyDocument", context.policyDocument(policyId,
        List.of(new Grant(IamStatement.allow(List.of("logs:CreateLogStream", "logs:PutLogEvents"),
            List.of("${" + logGroupId + ".Arn}")), "function " + id, null)),
        TemplateContext.pointer(policyId, "Properties", "PolicyDocument", "Statement")));
    policy.putArray("Roles").add(TemplateJson.ref(roleId));
  }

  private void schedule(Schedule schedule) {
    String id = schedule.logicalId();
    String roleId = id + "Role";
    ObjectNode properties = context.resource(id, "AWS::Scheduler::Schedule");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (schedule.description() != null) {
      properties.put("Description", schedule.description());
    }
    if (schedule.expression() == null) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "ScheduleExpression"),
          "schedule " + id + " has no expression; give expression(\"cron(0 8 ? * MON *)\") or a parameter");
    } else {
      expression(schedule.expression(), ScheduleExpressions.Reader.SCHEDULER, JsonPointers.child(pointer, "ScheduleExpression"));
      properties.set("ScheduleExpression", TemplateJson.value(schedule.expression()));
    }
    if (schedule.timeZone() != null) {
      timeZone(schedule.timeZone(), JsonPointers.child(pointer, "ScheduleExpressionTimezone"));
      properties.set("ScheduleExpressionTimezone", TemplateJson.value(schedule.timeZone()));
    }
    ObjectNode window = properties.putObject("FlexibleTimeWindow");
    int minutes = schedule.flexibleWindowMinutes();
    if (minutes == 0) {
      window.put("Mode", "OFF");
    } else {
      if (minutes < 1 || minutes > 1440) {
        context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "FlexibleTimeWindow"),
            "schedule " + id + " has a flexible window of " + minutes + " minutes; the Scheduler allows 1 to 1440, or 0 for none");
      }
      window.put("Mode", "FLEXIBLE");
      window.put("MaximumWindowInMinutes", minutes);
    }
    if (schedule.state() != null) {
      properties.set("State", TemplateJson.value(schedule.state()));
    }
    ObjectNode target = properties.putObject("Target");
    target.set("Arn", TemplateJson.ref(TemplateGenerator.STATE_MACHINE));
    target.set("RoleArn", TemplateJson.getAtt(roleId, "Arn"));
    if (schedule.input() != null) {
      target.set("Input", TemplateJson.jsonText(schedule.input(), context.aliases));
    }
    waitForStateMachinePolicy(id);

    ObjectNode condition = TemplateContext.sourceAccountCondition();
    condition.putObject("ArnLike").set("aws:SourceArn", TemplateJson.sub(
        "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule/default/*"));
    triggerRole(roleId, "scheduler.amazonaws.com", condition, List.of());
  }

  private void rule(EventRule rule) {
    String id = rule.logicalId();
    String roleId = id + "Role";
    ObjectNode properties = context.resource(id, "AWS::Events::Rule");
    String pointer = TemplateContext.pointer(id, "Properties");
    if (rule.description() != null) {
      properties.put("Description", rule.description());
    }
    if (rule.eventBus() != null) {
      properties.set("EventBusName", TemplateJson.value(rule.eventBus()));
    }
    if (rule.eventPattern() != null) {
      properties.set("EventPattern", TemplateJson.literal(rule.eventPattern()));
    }
    if (rule.scheduleExpression() != null) {
      expression(rule.scheduleExpression(), ScheduleExpressions.Reader.EVENTBRIDGE_RULE,
          JsonPointers.child(pointer, "ScheduleExpression"));
      properties.set("ScheduleExpression", TemplateJson.value(rule.scheduleExpression()));
    }
    if (rule.eventPattern() == null && rule.scheduleExpression() == null) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, pointer, "rule " + id + " has neither a schedule nor an "
          + "event pattern, so it never starts the workflow; give schedule(...) or eventPattern(...)");
    }
    properties.set("State", rule.state() == null ? TemplateJson.NODES.textNode("ENABLED") : TemplateJson.value(rule.state()));
    ObjectNode target = properties.putArray("Targets").addObject();
    target.put("Id", "StateMachine");
    target.set("Arn", TemplateJson.ref(TemplateGenerator.STATE_MACHINE));
    target.set("RoleArn", TemplateJson.getAtt(roleId, "Arn"));
    if (rule.input() != null) {
      target.set("Input", TemplateJson.jsonText(rule.input(), context.aliases));
    } else if (rule.inputTemplate() != null) {
      ObjectNode transformer = target.putObject("InputTransformer");
      if (!rule.inputPaths().isEmpty()) {
        ObjectNode paths = transformer.putObject("InputPathsMap");
        rule.inputPaths().forEach(paths::put);
      }
      transformer.put("InputTemplate", rule.inputTemplate());
      Matcher uses = Pattern.compile("<([A-Za-z0-9_.-]+)>").matcher(rule.inputTemplate());
      while (uses.find()) {
        String name = uses.group(1);
        if (!rule.inputPaths().containsKey(name) && !name.startsWith("aws.events.")) {
          context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, pointer + "/Targets/0/InputTransformer/InputTemplate",
              "the input template of rule " + id + " uses <" + name + ">, which its input paths do not define; "
                  + "add it to the paths or fix the name (defined: " + rule.inputPaths().keySet() + ")");
        }
      }
    }
    waitForStateMachinePolicy(id);
    triggerRole(roleId, "events.amazonaws.com", TemplateContext.sourceAccountCondition(), List.of());
  }

  private void maintenanceWindow(MaintenanceWindow window) {
    String id = window.logicalId();
    String roleId = id + "Role";
    String taskId = id + "Task";
    ObjectNode properties = context.resource(id, "AWS::SSM::MaintenanceWindow");
    String pointer = TemplateContext.pointer(id, "Properties");
    // A window's Name is required but need not be unique: derived from the stack, never hard-coded.
    properties.set("Name", TemplateJson.stackNamed(id));
    if (window.description() != null) {
      properties.put("Description", window.description());
    }
    if (window.schedule() == null) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Schedule"), "maintenance window "
          + id + " has no schedule; give schedule(\"cron(0 2 ? * SUN *)\") or a parameter");
    } else {
      expression(window.schedule(), ScheduleExpressions.Reader.MAINTENANCE_WINDOW, JsonPointers.child(pointer, "Schedule"));
      properties.set("Schedule", TemplateJson.value(window.schedule()));
    }
    if (window.timeZone() != null) {
      timeZone(window.timeZone(), JsonPointers.child(pointer, "ScheduleTimezone"));
      properties.set("ScheduleTimezone", TemplateJson.value(window.timeZone()));
    }
    if (window.durationHours() < 1 || window.durationHours() > 24) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Duration"), "maintenance window "
          + id + " lasts " + window.durationHours() + " hours; Systems Manager allows 1 to 24");
    }
    properties.put("Duration", window.durationHours());
    if (window.cutoffHours() < 0 || window.cutoffHours() >= window.durationHours()) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Cutoff"), "maintenance window "
          + id + " has a cutoff of " + window.cutoffHours() + " hours, which must be at least 0 and less than its duration ("
          + window.durationHours() + ")");
    }
    properties.put("Cutoff", window.cutoffHours());
    properties.put("AllowUnassociatedTargets", window.allowUnassociatedTargets());

    if (window.targets().isEmpty()) {
      context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, pointer, "maintenance window " + id + " has no target, so "
          + "its task runs for nothing; add target(MaintenanceWindowTarget.named(...).instancesTagged(...))");
    }
    for (MaintenanceWindowTarget target : window.targets()) {
      ObjectNode targetProperties = context.resource(target.logicalId(), "AWS::SSM::MaintenanceWindowTarget");
      targetProperties.set("WindowId", TemplateJson.ref(id));
      targetProperties.put("ResourceType", target.resourceType());
      if (target.description() != null) {
        targetProperties.put("Description", target.description());
      }
      if (target.key() == null) {
        context.error(CfnCodes.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(target.logicalId(), "Properties", "Targets"),
            "maintenance window target " + target.logicalId() + " selects nothing; use instancesTagged(...), "
                + "instanceIds(...) or resourceGroup(...)");
      } else {
        ObjectNode selector = targetProperties.putArray("Targets").addObject();
        selector.put("Key", target.key());
        selector.set("Values", TemplateJson.listValue(target.values()));
      }
    }

    ObjectNode task = context.resource(taskId, "AWS::SSM::MaintenanceWindowTask");
    String taskPointer = TemplateContext.pointer(taskId, "Properties");
    task.set("WindowId", TemplateJson.ref(id));
    task.put("TaskType", "STEP_FUNCTIONS");
    task.set("TaskArn", TemplateJson.ref(TemplateGenerator.STATE_MACHINE));
    task.set("ServiceRoleArn", TemplateJson.getAtt(roleId, "Arn"));
    task.put("Priority", window.priority());
    task.put("MaxConcurrency", window.maxConcurrency());
    task.put("MaxErrors", window.maxErrors());
    if (!window.targets().isEmpty()) {
      ArrayNode values = task.putArray("Targets").addObject().put("Key", "WindowTargetIds").putArray("Values");
      window.targets().forEach(target -> values.add(TemplateJson.ref(target.logicalId())));
    }
    ObjectNode parameters = task.putObject("TaskInvocationParameters").putObject("MaintenanceWindowStepFunctionsParameters");
    if (window.taskInput() != null) {
      parameters.set("Input", TemplateJson.jsonText(window.taskInput(), context.aliases));
    }
    if (window.taskInput() == null || !mentions(window.taskInput(), MaintenanceWindow.TARGET_ID)) {
      context.warning(CfnCodes.MISSING_TARGET_ID, taskPointer
          + "/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input", "the task of maintenance window " + id
          + " runs once per target, but its input never says which: put MaintenanceWindow.TARGET_ID ({{TARGET_ID}}) in taskInput(...)");
    }
    waitForStateMachinePolicy(taskId);

    // Systems Manager starts the execution, then follows it to report the task's status.
    triggerRole(roleId, "ssm.amazonaws.com", TemplateContext.sourceAccountCondition(), List.of(
        IamStatement.allow("states:DescribeExecution", IamStatement.THIS_STATE_MACHINE_EXECUTIONS)));
  }

  private static boolean mentions(Value value, String text) {
    return TemplateJson.compact(TemplateJson.literal(value)).contains(text);
  }

  /** A role that may start this state machine, and whatever else {@code extra} grants. */
  private void triggerRole(String roleId, String service, ObjectNode condition, List<IamStatement> extra) {
    ObjectNode role = context.role(roleId, service, condition);
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(IamStatement.allow("states:StartExecution", IamStatement.THIS_STATE_MACHINE),
        "trigger " + roleId.substring(0, roleId.length() - "Role".length()), null));
    for (IamStatement statement : extra) {
      grants.add(new Grant(statement, "trigger " + roleId, null));
    }
    context.inlinePolicy(roleId, role, "StartStateMachine", grants);
  }

  // A trigger firing right after creation must find the state machine's permissions complete.
  private void waitForStateMachinePolicy(String logicalId) {
    if (context.hasStateMachinePolicy && context.resources.has(logicalId)) {
      ((ObjectNode) context.resources.get(logicalId)).putArray("DependsOn").add(TemplateGenerator.STATE_MACHINE_POLICY);
    }
  }

  private void expression(TemplateValue value, ScheduleExpressions.Reader reader, String pointer) {
    String literal = null;
    String where = pointer;
    if (value instanceof TemplateValue.Text text) {
      literal = text.value();
    } else if (value instanceof Parameter parameter && parameter.defaultValue() != null) {
      literal = parameter.defaultValue();
      where = JsonPointers.child(JsonPointers.child("/Parameters", parameter.name()), "Default");
    }
    if (literal != null) {
      String problem = ScheduleExpressions.problem(literal, reader);
      if (problem != null) {
        context.error(CfnCodes.INVALID_SCHEDULE_EXPRESSION, where, problem);
      }
    }
  }

  private void timeZone(TemplateValue value, String pointer) {
    String literal = null;
    String where = pointer;
    if (value instanceof TemplateValue.Text text) {
      literal = text.value();
    } else if (value instanceof Parameter parameter && parameter.defaultValue() != null) {
      literal = parameter.defaultValue();
      where = JsonPointers.child(JsonPointers.child("/Parameters", parameter.name()), "Default");
    }
    if (literal != null) {
      String problem = ScheduleExpressions.timeZoneProblem(literal);
      if (problem != null) {
        context.error(CfnCodes.INVALID_TIME_ZONE, where, problem);
      }
    }
  }
}
