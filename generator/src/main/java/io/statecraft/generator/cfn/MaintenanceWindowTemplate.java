package io.statecraft.generator.cfn;

import io.statecraft.asl.ProblemCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.MaintenanceWindow;
import io.statecraft.dsl.workflow.MaintenanceWindowTarget;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.ParameterType;
import io.statecraft.dsl.workflow.TemplateValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link MaintenanceWindow}: {@code AWS::SSM::MaintenanceWindow}, one
 * {@code AWS::SSM::MaintenanceWindowTarget} per target, and the task ({@code <id>Task}, of type
 * {@code STEP_FUNCTIONS}) that starts the state machine once per target with the window's role.
 */
record MaintenanceWindowTemplate(MaintenanceWindow window) implements ResourceTemplate {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /** The values Systems Manager accepts for a window task's {@code MaxConcurrency} and {@code MaxErrors}. */
  private static final Pattern MAX_CONCURRENCY = Pattern.compile("[1-9][0-9]*|[1-9][0-9]?%|100%");
  private static final Pattern MAX_ERRORS = Pattern.compile("0|[1-9][0-9]*|[0-9]%|[1-9][0-9]%|100%");

  @Override
  public List<TemplateValue> propertyValues() {
    List<TemplateValue> values = new ArrayList<>();
    values.add(window.schedule());
    values.add(window.timeZone());
    values.add(window.durationHours());
    values.add(window.cutoffHours());
    values.add(window.maxConcurrency());
    values.add(window.maxErrors());
    for (MaintenanceWindowTarget target : window.targets()) {
      values.add(target.tagKeyParameter());
      values.add(target.values());
    }
    return values;
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return Optional.empty();
  }

  @Override
  public void write(TemplateContext context) {
    String id = window.logicalId();
    ObjectNode properties = context.resource(id, "AWS::SSM::MaintenanceWindow");
    String pointer = TemplateContext.pointer(id, "Properties");
    properties.set("Name", name(id));
    if (window.description() != null) {
      properties.put("Description", window.description());
    }
    if (window.schedule() == null) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Schedule"), "maintenance window "
          + id + " has no schedule; give schedule(\"cron(0 2 ? * SUN *)\") or a parameter");
    } else {
      ScheduleExpressions.check(context, window.schedule(), ScheduleExpressions.Reader.MAINTENANCE_WINDOW,
          JsonPointers.child(pointer, "Schedule"));
      properties.set("Schedule", TemplateJson.value(window.schedule()));
    }
    if (window.timeZone() != null) {
      ScheduleExpressions.checkTimeZone(context, window.timeZone(), JsonPointers.child(pointer, "ScheduleTimezone"));
      properties.set("ScheduleTimezone", TemplateJson.value(window.timeZone()));
    }
    BigDecimal duration = hours(context, window.durationHours(), id, "Duration", "a duration", 1, 24,
        JsonPointers.child(pointer, "Duration"));
    properties.set("Duration", TemplateJson.value(window.durationHours()));
    BigDecimal cutoff = hours(context, window.cutoffHours(), id, "Cutoff", "a cutoff", 0, 23, JsonPointers.child(pointer, "Cutoff"));
    if (duration != null && cutoff != null && cutoff.compareTo(duration) >= 0) {
      context.error(ProblemCode.INVALID_RESOURCE_PROPERTY, JsonPointers.child(pointer, "Cutoff"), "maintenance window "
          + id + " has a cutoff of " + describe(window.cutoffHours(), cutoff) + ", which must be less than its duration ("
          + describe(window.durationHours(), duration) + ")");
    }
    properties.set("Cutoff", TemplateJson.value(window.cutoffHours()));
    properties.put("AllowUnassociatedTargets", window.allowUnassociatedTargets());
    targets(context);
    task(context);
  }

  private void targets(TemplateContext context) {
    String id = window.logicalId();
    String pointer = TemplateContext.pointer(id, "Properties");
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
  }

  /**
   * A window's {@code Name} is required, need not be unique, and must be 3 to 128 of
   * {@code [a-zA-Z0-9_\\-.]} (Systems Manager API Reference, CreateMaintenanceWindow:
   * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_CreateMaintenanceWindow.html).
   * {@code <stack name>-<id>} breaks that for stack names near their own limit of 128, and
   * CloudFormation cannot cut text, so the name is the logical id (cut to fit) and the stack's
   * unique id: 38 to 128 characters for every stack.
   */
  static JsonNode name(String logicalId) {
    int keep = MAX_NAME - 1 - TemplateJson.STACK_UUID_LENGTH;
    return TemplateJson.subWithStackUuid((logicalId.length() > keep ? logicalId.substring(0, keep) : logicalId)
        + "-${StackUuid}");
  }

  /** Systems Manager's limit on a window's name. */
  static final int MAX_NAME = 128;

  /** The task, which starts the state machine once per target: the part of a window that is a trigger. */
  private void task(TemplateContext context) {
    String id = window.logicalId();
    String taskId = id + "Task";
    ObjectNode task = context.resource(taskId, "AWS::SSM::MaintenanceWindowTask");
    String taskPointer = TemplateContext.pointer(taskId, "Properties");
    task.set("WindowId", TemplateJson.ref(id));
    task.put("TaskType", "STEP_FUNCTIONS");
    // Systems Manager starts the task's state machine with StartExecution, through the alias when
    // there is one, as schedules and rules do.
    task.set("TaskArn", TemplateJson.ref(ReleaseTemplate.startTarget(context)));
    task.set("ServiceRoleArn", TemplateJson.getAtt(TriggerTarget.roleId(window), "Arn"));
    task.put("Priority", window.priority());
    task.set("MaxConcurrency", limit(context, window.maxConcurrency(), MAX_CONCURRENCY, "MaxConcurrency", id,
        "a number from 1 or a percentage from 1% to 100%", JsonPointers.child(taskPointer, "MaxConcurrency")));
    task.set("MaxErrors", limit(context, window.maxErrors(), MAX_ERRORS, "MaxErrors", id,
        "a number from 0 or a percentage from 0% to 100%", JsonPointers.child(taskPointer, "MaxErrors")));
    if (!window.targets().isEmpty()) {
      ArrayNode values = task.putArray("Targets").addObject().put("Key", "WindowTargetIds").putArray("Values");
      for (MaintenanceWindowTarget target : window.targets()) {
        values.add(TemplateJson.ref(target.logicalId()));
      }
    }
    ObjectNode parameters = task.putObject("TaskInvocationParameters").putObject("MaintenanceWindowStepFunctionsParameters");
    TriggerTarget.input(context, window, parameters);
    // Each execution is named after the task invocation that started it, as in AWS's own
    // example, so that Run Command's and Step Functions' records point at each other:
    // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ssm-maintenancewindowtask.html
    parameters.put("Name", "{{INVOCATION_ID}}");
    if (window.taskInput() == null || !mentions(window.taskInput(), MaintenanceWindow.TARGET_ID)) {
      context.warning(ProblemCode.MISSING_TARGET_ID, taskPointer
          + "/TaskInvocationParameters/MaintenanceWindowStepFunctionsParameters/Input", "the task of maintenance window " + id
          + " runs once per target, but its input never says which: put MaintenanceWindow.TARGET_ID ({{TARGET_ID}}) in taskInput(...)");
    }
    TriggerTarget.waitForStateMachinePolicy(context, taskId);

    // Systems Manager starts the execution (through the alias when there is one, so the grant is
    // narrowed to it), then follows it to report the task's status. DescribeExecution of an
    // encrypted workflow also needs kms:Decrypt (encryption-at-rest.html, "Required permissions for
    // API callers"); StartExecution needs no KMS permission.
    List<IamStatement> extra = new ArrayList<>();
    extra.add(IamStatement.allow("states:DescribeExecution", IamStatement.THIS_STATE_MACHINE_EXECUTIONS));
    extra.addAll(EncryptionTemplate.describeStatements(context.encryption));
    TriggerTarget.role(context, window, "ssm.amazonaws.com", TemplateContext.sourceAccountCondition(), extra);
  }

  /**
   * Checks hours given as a literal or a {@code Number} parameter, and returns the value known at
   * build time (the literal, or the parameter's default), or null. A parameter's own range must
   * lie within what Systems Manager allows; the value entered at deploy time is checked by
   * CloudFormation against that range.
   */
  private static BigDecimal hours(TemplateContext context, TemplateValue value, String id, String property, String what,
      int min, int max, String pointer) {
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
  private static JsonNode limit(TemplateContext context, TemplateValue value, Pattern allowed, String property, String id,
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


  private static boolean mentions(Value value, String text) {
    return TemplateJson.compact(TemplateJson.literal(value)).contains(text);
  }
}
