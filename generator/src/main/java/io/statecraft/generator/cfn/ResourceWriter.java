package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.ParameterType;
import io.statecraft.dsl.workflow.Schedule;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.TargetRetryPolicy;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.asl.json.JsonPointers;
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

  /** SQS's longest retention, 14 days, so that dead letters wait for someone to look. */
  static final int DEAD_LETTER_RETENTION_SECONDS = 1_209_600;

  /** The values Systems Manager accepts for a window task's {@code MaxConcurrency} and {@code MaxErrors}. */
  private static final Pattern MAX_CONCURRENCY = Pattern.compile("[1-9][0-9]*|[1-9][0-9]?%|100%");
  private static final Pattern MAX_ERRORS = Pattern.compile("0|[1-9][0-9]*|[0-9]%|[1-9][0-9]%|100%");

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
          context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "Subscription",
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
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "AuthorizationType"),
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
      context.error(ProblemCode.SECRET_NOT_NOECHO, pointer, "the " + what + " of connection " + id + " is a secret, "
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
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(id, "Properties", "RetentionInDays"),
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
      context.error(ProblemCode.DEPRECATED_RUNTIME, JsonPointers.child(pointer, "Runtime"), "runtime '"
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
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "the inline "
            + "code of function " + id + " is " + bytes + " bytes, over CloudFormation's 4096; put it in S3 with s3Code(...)");
      }
      if (!function.runtime().startsWith("python") && !function.runtime().startsWith("nodejs")) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer + "/Code/ZipFile", "function " + id
            + " has inline code, which only Python and Node.js runtimes accept, but its runtime is " + function.runtime());
      }
      code.put("ZipFile", function.inlineCode());
    } else if (function.s3Bucket() != null) {
      code.set("S3Bucket", TemplateJson.value(function.s3Bucket()));
      code.set("S3Key", TemplateJson.value(function.s3Key()));
    } else {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Code"), "function " + id
          + " has no code; give inlineCode(...) or s3Code(bucket, key)");
    }
    properties.set("Role", TemplateJson.getAtt(roleId, "Arn"));
    if (function.timeoutSeconds() < 1 || function.timeoutSeconds() > 900) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Timeout"), "function " + id
          + " has a timeout of " + function.timeoutSeconds() + " seconds; Lambda allows 1 to 900");
    }
    properties.put("Timeout", function.timeoutSeconds());
    if (function.memorySizeMb() < 128 || function.memorySizeMb() > 10240) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MemorySize"), "function " + id
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
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "ScheduleExpression"),
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
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "FlexibleTimeWindow"),
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
    retryPolicy(schedule.retryPolicy(), target, "schedule " + id, JsonPointers.child(pointer, "Target"));
    List<IamStatement> extra = new ArrayList<>();
    if (schedule.hasDeadLetterQueue()) {
      String queueId = deadLetterQueue(schedule.deadLetterQueueLogicalId());
      target.putObject("DeadLetterConfig").set("Arn", TemplateJson.getAtt(queueId, "Arn"));
      // The Scheduler delivers dead letters with the schedule's role, not as a service principal.
      extra.add(IamStatement.allow("sqs:SendMessage", "${" + queueId + ".Arn}"));
    }
    waitForStateMachinePolicy(id);

    // The Scheduler assumes the role as its schedule group, not as the schedule: aws:SourceArn is
    // the group's ARN, and scoping it to a schedule (schedule/default/*) denies sts:AssumeRole, so
    // no run would ever start. Our schedules live in the account's "default" group. EventBridge
    // Scheduler User Guide, "Confused deputy prevention" and "Set up the execution role":
    // https://docs.aws.amazon.com/scheduler/latest/UserGuide/cross-service-confused-deputy-prevention.html
    ObjectNode condition = TemplateContext.sourceAccountCondition();
    condition.putObject("ArnEquals").set("aws:SourceArn", TemplateJson.sub(
        "arn:${AWS::Partition}:scheduler:${AWS::Region}:${AWS::AccountId}:schedule-group/default"));
    triggerRole(roleId, "scheduler.amazonaws.com", condition, extra);
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
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "rule " + id + " has neither a schedule nor an "
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
          context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer + "/Targets/0/InputTransformer/InputTemplate",
              "the input template of rule " + id + " uses <" + name + ">, which its input paths do not define; "
                  + "add it to the paths or fix the name (defined: " + rule.inputPaths().keySet() + ")");
        }
      }
    }
    retryPolicy(rule.retryPolicy(), target, "rule " + id, pointer + "/Targets/0");
    if (rule.hasDeadLetterQueue()) {
      String queueId = deadLetterQueue(rule.deadLetterQueueLogicalId());
      target.putObject("DeadLetterConfig").set("Arn", TemplateJson.getAtt(queueId, "Arn"));
      // EventBridge itself sends the dead letters: the queue's policy admits this rule only.
      queuePolicy(queueId, "events.amazonaws.com", TemplateJson.getAtt(id, "Arn"));
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
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Schedule"), "maintenance window "
          + id + " has no schedule; give schedule(\"cron(0 2 ? * SUN *)\") or a parameter");
    } else {
      expression(window.schedule(), ScheduleExpressions.Reader.MAINTENANCE_WINDOW, JsonPointers.child(pointer, "Schedule"));
      properties.set("Schedule", TemplateJson.value(window.schedule()));
    }
    if (window.timeZone() != null) {
      timeZone(window.timeZone(), JsonPointers.child(pointer, "ScheduleTimezone"));
      properties.set("ScheduleTimezone", TemplateJson.value(window.timeZone()));
    }
    BigDecimal duration = hours(window.durationHours(), id, "Duration", "a duration", 1, 24,
        JsonPointers.child(pointer, "Duration"));
    properties.set("Duration", TemplateJson.value(window.durationHours()));
    BigDecimal cutoff = hours(window.cutoffHours(), id, "Cutoff", "a cutoff", 0, 23, JsonPointers.child(pointer, "Cutoff"));
    if (duration != null && cutoff != null && cutoff.compareTo(duration) >= 0) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Cutoff"), "maintenance window "
          + id + " has a cutoff of " + describe(window.cutoffHours(), cutoff) + ", which must be less than its duration ("
          + describe(window.durationHours(), duration) + ")");
    }
    properties.set("Cutoff", TemplateJson.value(window.cutoffHours()));
    properties.put("AllowUnassociatedTargets", window.allowUnassociatedTargets());

    if (window.targets().isEmpty()) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "maintenance window " + id + " has no target, so "
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
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, TemplateContext.pointer(target.logicalId(), "Properties", "Targets"),
            "maintenance window target " + target.logicalId() + " selects nothing; use instancesTagged(...), "
                + "instanceIds(...) or resourceGroup(...)");
      } else {
        ObjectNode selector = targetProperties.putArray("Targets").addObject();
        selector.set("Key", TemplateJson.sub(target.key()));
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
    task.set("MaxConcurrency", limit(window.maxConcurrency(), MAX_CONCURRENCY, "MaxConcurrency", id,
        "a number from 1 or a percentage from 1% to 100%", JsonPointers.child(taskPointer, "MaxConcurrency")));
    task.set("MaxErrors", limit(window.maxErrors(), MAX_ERRORS, "MaxErrors", id,
        "a number from 0 or a percentage from 0% to 100%", JsonPointers.child(taskPointer, "MaxErrors")));
    if (!window.targets().isEmpty()) {
      ArrayNode values = task.putArray("Targets").addObject().put("Key", "WindowTargetIds").putArray("Values");
      window.targets().forEach(target -> values.add(TemplateJson.ref(target.logicalId())));
    }
    ObjectNode parameters = task.putObject("TaskInvocationParameters").putObject("MaintenanceWindowStepFunctionsParameters");
    if (window.taskInput() != null) {
      parameters.set("Input", TemplateJson.jsonText(window.taskInput(), context.aliases));
    }
    if (window.taskInput() == null || !mentions(window.taskInput(), MaintenanceWindow.TARGET_ID)) {
      context.warning(ProblemCode.MISSING_TARGET_ID, taskPointer
          + "/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input", "the task of maintenance window " + id
          + " runs once per target, but its input never says which: put MaintenanceWindow.TARGET_ID ({{TARGET_ID}}) in taskInput(...)");
    }
    waitForStateMachinePolicy(taskId);

    // Systems Manager starts the execution, then follows it to report the task's status.
    triggerRole(roleId, "ssm.amazonaws.com", TemplateContext.sourceAccountCondition(), List.of(
        IamStatement.allow("states:DescribeExecution", IamStatement.THIS_STATE_MACHINE_EXECUTIONS)));
  }

  /**
   * Checks hours given as a literal or a {@code Number} parameter, and returns the value known at
   * build time (the literal, or the parameter's default), or null. A parameter's own range must
   * lie within what Systems Manager allows; the value entered at deploy time is checked by
   * CloudFormation against that range.
   */
  private BigDecimal hours(TemplateValue value, String id, String property, String what, int min, int max, String pointer) {
    String range = min + " to " + max + " hours";
    if (value instanceof TemplateValue.Numeric number) {
      if (number.value().compareTo(BigDecimal.valueOf(min)) < 0 || number.value().compareTo(BigDecimal.valueOf(max)) > 0) {
        context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "maintenance window " + id + " has " + what + " of "
            + number.value().toPlainString() + " hours; Systems Manager allows " + range);
        return null;
      }
      return number.value();
    }
    if (!(value instanceof Parameter parameter) || !parameter.type().isNumber()) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "the " + property + " of maintenance window " + id
          + " is a number of hours; give a number or a Number parameter"
          + (value instanceof Parameter p ? " (" + p.name() + " is a " + p.type().name() + ")" : ""));
      return null;
    }
    String parameterPointer = JsonPointers.child("/Parameters", parameter.name());
    if (parameter.minValue() != null && parameter.minValue().compareTo(BigDecimal.valueOf(min)) < 0) {
      context.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(parameterPointer, "MinValue"), "parameter "
          + parameter.name() + " gives the " + property + " of maintenance window " + id + ", which Systems Manager allows "
          + range + ", but its MinValue is " + parameter.minValue().toPlainString() + "; use minValue(" + min + ")");
    }
    if (parameter.maxValue() != null && parameter.maxValue().compareTo(BigDecimal.valueOf(max)) > 0) {
      context.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(parameterPointer, "MaxValue"), "parameter "
          + parameter.name() + " gives the " + property + " of maintenance window " + id + ", which Systems Manager allows "
          + range + ", but its MaxValue is " + parameter.maxValue().toPlainString() + "; use maxValue(" + max + ")");
    }
    if (parameter.defaultValue() == null) {
      return null;
    }
    BigDecimal defaultValue;
    try {
      defaultValue = new BigDecimal(parameter.defaultValue().strip());
    } catch (NumberFormatException e) {
      return null; // reported with the parameter's own checks
    }
    boolean withinOwnRange = (parameter.minValue() == null || defaultValue.compareTo(parameter.minValue()) >= 0)
        && (parameter.maxValue() == null || defaultValue.compareTo(parameter.maxValue()) <= 0);
    if (!withinOwnRange) {
      return null; // reported with the parameter's own checks
    }
    if (defaultValue.compareTo(BigDecimal.valueOf(min)) < 0 || defaultValue.compareTo(BigDecimal.valueOf(max)) > 0) {
      context.error(ProblemCode.INVALID_PARAMETER, JsonPointers.child(parameterPointer, "Default"), "parameter "
          + parameter.name() + " gives the " + property + " of maintenance window " + id + ", which Systems Manager allows "
          + range + ", but its default is " + defaultValue.toPlainString());
      return null;
    }
    return defaultValue;
  }

  /** A task's {@code MaxConcurrency} or {@code MaxErrors}, checked where known (literal or default). */
  private com.fasterxml.jackson.databind.JsonNode limit(TemplateValue value, Pattern allowed, String property, String id,
      String expected, String pointer) {
    boolean text = value instanceof TemplateValue.Text
        || value instanceof Parameter parameter && parameter.type().equals(ParameterType.STRING);
    if (!text) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, pointer, "the " + property + " of maintenance window " + id
          + " is " + expected + ", written as text; give a text or a String parameter"
          + (value instanceof Parameter p ? " (" + p.name() + " is a " + p.type().name() + ")" : ""));
    }
    KnownText known = text ? KnownText.of(value, pointer) : null;
    if (known != null && !allowed.matcher(known.text()).matches()) {
      context.error(value instanceof Parameter ? ProblemCode.INVALID_PARAMETER : ProblemCode.INVALID_RESOURCE_PROPERTY,
          known.pointer(), "the " + property + " of maintenance window " + id + " is '" + known.text()
              + "', but Systems Manager expects " + expected);
    }
    return TemplateJson.value(value);
  }

  private static String describe(TemplateValue value, BigDecimal known) {
    return value instanceof Parameter parameter
        ? known.toPlainString() + " hours (default of " + parameter.name() + ")"
        : known.toPlainString() + " hours";
  }

  private void retryPolicy(TargetRetryPolicy policy, ObjectNode target, String owner, String targetPointer) {
    if (policy == null) {
      return;
    }
    String pointer = JsonPointers.child(targetPointer, "RetryPolicy");
    if (policy.maximumRetryAttempts() < TargetRetryPolicy.MIN_ATTEMPTS || policy.maximumRetryAttempts() > TargetRetryPolicy.MAX_ATTEMPTS) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MaximumRetryAttempts"), owner
          + " retries " + policy.maximumRetryAttempts() + " times; EventBridge allows " + TargetRetryPolicy.MIN_ATTEMPTS
          + " to " + TargetRetryPolicy.MAX_ATTEMPTS);
    }
    if (policy.maximumEventAgeSeconds() < TargetRetryPolicy.MIN_EVENT_AGE_SECONDS
        || policy.maximumEventAgeSeconds() > TargetRetryPolicy.MAX_EVENT_AGE_SECONDS) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "MaximumEventAgeInSeconds"), owner
          + " keeps retrying an event for " + policy.maximumEventAgeSeconds() + " seconds; EventBridge allows "
          + TargetRetryPolicy.MIN_EVENT_AGE_SECONDS + " to " + TargetRetryPolicy.MAX_EVENT_AGE_SECONDS);
    }
    ObjectNode node = target.putObject("RetryPolicy");
    node.put("MaximumEventAgeInSeconds", policy.maximumEventAgeSeconds());
    node.put("MaximumRetryAttempts", policy.maximumRetryAttempts());
  }

  /** A standard queue for a trigger's dead letters, encrypted, keeping messages as long as SQS allows. */
  private String deadLetterQueue(String queueId) {
    ObjectNode queue = context.resource(queueId, "AWS::SQS::Queue");
    queue.put("MessageRetentionPeriod", DEAD_LETTER_RETENTION_SECONDS);
    queue.put("SqsManagedSseEnabled", true);
    return queueId;
  }

  /** Lets {@code service} send to the queue on behalf of {@code sourceArn} only (no confused deputy). */
  private void queuePolicy(String queueId, String service, ObjectNode sourceArn) {
    String policyId = queueId + "Policy";
    ObjectNode properties = context.resource(policyId, "AWS::SQS::QueuePolicy");
    properties.putArray("Queues").add(TemplateJson.ref(queueId));
    ObjectNode document = properties.putObject("PolicyDocument");
    document.put("Version", "2012-10-17");
    ObjectNode statement = document.putArray("Statement").addObject();
    statement.put("Sid", "DeadLetters");
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", service);
    statement.put("Action", "sqs:SendMessage");
    statement.set("Resource", TemplateJson.getAtt(queueId, "Arn"));
    statement.putObject("Condition").putObject("ArnEquals").set("aws:SourceArn", sourceArn);
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
    KnownText known = KnownText.of(value, pointer);
    String problem = known == null ? null : ScheduleExpressions.problem(known.text(), reader);
    if (problem != null) {
      context.error(ProblemCode.INVALID_SCHEDULE_EXPRESSION, known.pointer(), problem);
    }
  }

  private void timeZone(TemplateValue value, String pointer) {
    KnownText known = KnownText.of(value, pointer);
    String problem = known == null ? null : ScheduleExpressions.timeZoneProblem(known.text());
    if (problem != null) {
      context.error(ProblemCode.INVALID_TIME_ZONE, known.pointer(), problem);
    }
  }

  /**
   * A text property as far as it is known at build time: the literal, or a parameter's default
   * (then a problem points at that default, which is what the author can change).
   */
  private record KnownText(String text, String pointer) {
    /** Null when the value is known only at deploy time (a parameter without default, a resource). */
    static KnownText of(TemplateValue value, String propertyPointer) {
      if (value instanceof TemplateValue.Text literal) {
        return new KnownText(literal.value(), propertyPointer);
      }
      if (value instanceof Parameter parameter && parameter.defaultValue() != null) {
        return new KnownText(parameter.defaultValue(),
            JsonPointers.child(JsonPointers.child("/Parameters", parameter.name()), "Default"));
      }
      return null;
    }
  }
}
