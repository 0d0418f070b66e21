package io.statecraft.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.dsl.Placeholder;
import io.statecraft.importer.AdoptedWorkflow.EventRuleSpec;
import io.statecraft.importer.AdoptedWorkflow.Logging;
import io.statecraft.importer.AdoptedWorkflow.MaintenanceWindowSpec;
import io.statecraft.importer.AdoptedWorkflow.WindowTargetSpec;
import io.statecraft.importer.AdoptedWorkflow.ParameterSpec;
import io.statecraft.importer.AdoptedWorkflow.ScheduleSpec;
import io.statecraft.importer.AdoptedWorkflow.TriggerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Adopts a state machine: from a CloudFormation or SAM template, or from a definition with its
 * settings as {@code DescribeStateMachine} gives them, to an {@link AdoptedWorkflow} whose
 * definition is parameterized and whose triggers and settings are those the template gave it.
 */
public final class TemplateAdopter {

  static final String STATE_MACHINE = "AWS::StepFunctions::StateMachine";
  static final String SAM_STATE_MACHINE = "AWS::Serverless::StateMachine";
  private static final Pattern PLACEHOLDER = Placeholder.TOKEN;
  /**
   * Pseudo parameters whose value CloudFormation gives every stack, so that a placeholder for one
   * needs no template parameter
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/pseudo-parameter-reference.html).
   */
  private static final Set<String> PSEUDO_PLACEHOLDERS = Set.of("AWS::Region", "AWS::AccountId", "AWS::Partition",
      "AWS::URLSuffix");

  /**
   * @param resource the logical id of the state machine to adopt; null when the template has one
   * @param id the workflow id; null to derive it from the state machine's name
   * @param keepLiteral values that stay literal in the definition; null to lift all
   */
  public record Options(String resource, String id, Pattern keepLiteral) {

    public static Options defaults() {
      return new Options(null, null, null);
    }

    /**
     * The one pattern that keeps a literal when any of {@code patterns} matches it; null for none.
     *
     * @throws java.util.regex.PatternSyntaxException when one of them is no regular expression
     */
    public static Pattern keepLiteral(List<String> patterns) {
      return patterns.isEmpty() ? null
          : Pattern.compile(String.join("|", patterns.stream().map(p -> "(?:" + p + ")").toList()));
    }
  }

  private final String file;
  private final Path directory;
  private final ObjectNode template;
  private final JsonNode resources;
  private final List<String> report = new ArrayList<>();

  private TemplateAdopter(String file, Path directory, ObjectNode template) {
    this.file = file;
    this.directory = directory;
    this.template = template;
    this.resources = template.path("Resources");
  }

  /** Adopts the state machine of the template in {@code file}. */
  public static AdoptedWorkflow fromTemplate(Path file, Options options) {
    ObjectNode template = TemplateReader.read(file);
    return new TemplateAdopter(file.toString(), file.toAbsolutePath().getParent(), template).adopt(options);
  }

  /**
   * Adopts the state machine of a template given as text, such as one the IaC generator made.
   *
   * @param source what the template is called in messages
   */
  public static AdoptedWorkflow fromTemplateText(String source, String text, Options options) {
    JsonNode template;
    try {
      template = TemplateReader.parse(text);
    } catch (java.io.IOException e) {
      throw new AdoptionException(source + ": not valid JSON or YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(template instanceof ObjectNode object)) {
      throw new AdoptionException(source + ": not a CloudFormation template (it does not hold an object)");
    }
    return new TemplateAdopter(source, Path.of("").toAbsolutePath(), object).adopt(options);
  }

  /**
   * Adopts a deployed state machine from what {@code DescribeStateMachine} says of it.
   *
   * @param source what the state machine is called in messages (its ARN)
   * @param name its name, for the workflow id
   * @param logging its logging settings, or null
   */
  public static AdoptedWorkflow fromStateMachine(String source, String name, String definition, String type,
      Logging logging, boolean tracing, Options options) {
    return fromStateMachine(source, name, definition, type, logging, tracing, List.of(), Map.of(), options);
  }

  /**
   * Adopts a deployed state machine from what {@code DescribeStateMachine} and
   * {@code ListTagsForResource} say of it.
   *
   * @param source what the state machine is called in messages (its ARN)
   * @param name its name, for the workflow id
   * @param logging its logging settings, or null
   * @param logGroupArns the log groups its logging configuration names, reported
   * @param tags its tags, carried over
   */
  public static AdoptedWorkflow fromStateMachine(String source, String name, String definition, String type,
      Logging logging, boolean tracing, List<String> logGroupArns, Map<String, String> tags, Options options) {
    JsonNode parsed;
    try {
      parsed = TemplateReader.parse(definition);
    } catch (java.io.IOException e) {
      throw new AdoptionException(source + ": the definition is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (!(parsed instanceof ObjectNode object)) {
      throw new AdoptionException(source + ": the definition is not a JSON object");
    }
    checkLints(object, source);
    LiteralLifter.Lifted lifted = LiteralLifter.lift(object, options.keepLiteral(), Set.of());
    List<String> report = new ArrayList<>(lifted.report());
    List<ParameterSpec> parameters = new ArrayList<>(lifted.parameters());
    if (logging != null) {
      String logGroupArn = null;
      if (!logGroupArns.isEmpty() && !"OFF".equals(logging.level())) {
        // Step Functions logs to one destination (LoggingConfiguration's destinations: "Limited to
        // size 1", https://docs.aws.amazon.com/step-functions/latest/apireference/API_LoggingConfiguration.html).
        logGroupArn = existingLogGroup(logGroupArns.get(0), "loggingConfiguration/destinations/0", parameters, report);
      }
      logging = new Logging(logging.level(), logging.includeExecutionData(), logGroupArn);
      report.add("loggingConfiguration: level " + logging.level() + ", execution data "
          + (logging.includeExecutionData() ? "included" : "not included") + " -> kept"
          + (logGroupArn != null ? "" : " (its log group is not: Statecraft creates one)"));
    }
    for (String logGroup : logGroupArns.subList(logging != null && logging.logGroupArnParameter() != null ? 1 : 0,
        logGroupArns.size())) {
      report.add("loggingConfiguration/destinations: " + logGroup + " -> not kept; the workflow logs to the log group "
          + "its stack creates (StateMachineLogGroup)" + (logging == null || "OFF".equals(logging.level()) ? ", when logging is on" : ""));
    }
    if (!tags.isEmpty()) {
      report.add("tags: " + String.join(", ", new java.util.TreeMap<>(tags).keySet()) + " -> kept");
    }
    report.add("roleArn: not copied; Statecraft derives the execution role from the states");
    return new AdoptedWorkflow(options.id() != null ? options.id() : workflowId(name), null, object, parameters,
        List.of(), List.of(), "EXPRESS".equals(type) ? "EXPRESS" : "STANDARD", logging, tracing, tags, Map.of(),
        RolePolicies.none(), report);
  }

  private AdoptedWorkflow adopt(Options options) {
    String logicalId = chooseStateMachine(options.resource());
    JsonNode properties = resources.path(logicalId).path("Properties");
    boolean sam = SAM_STATE_MACHINE.equals(resources.path(logicalId).path("Type").asText());
    DefinitionResolver.Resolved resolved = DefinitionResolver.resolve(file, directory, template, logicalId);
    String where = file + ": Resources/" + logicalId;
    checkLints(resolved.definition(), where);

    List<ParameterSpec> parameters = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    Map<String, String> pseudo = new LinkedHashMap<>();
    Set<String> used = placeholders(resolved.definition());
    resolved.substitutions().forEach((key, value) -> {
      if (used.contains(key) && PSEUDO_PLACEHOLDERS.contains(value.path("Ref").asText())) {
        // CloudFormation knows the value in every stack: no parameter for the deployer to fill.
        pseudo.put(key, value.get("Ref").textValue());
        report.add("DefinitionSubstitutions/" + key + ": the pseudo parameter " + value.get("Ref").textValue()
            + " -> placeholder ${" + key + "} filled in by CloudFormation (substitution in spec())");
      } else if (used.contains(key)) {
        feed(key, value, parameters, topics);
      } else {
        report.add("DefinitionSubstitutions/" + key + ": not used by the definition, left out");
      }
    });
    for (String name : used) {
      if (!resolved.substitutions().containsKey(name)) {
        throw new AdoptionException(where + ": the definition uses ${" + name + "}, but DefinitionSubstitutions "
            + "does not give it a value; add it there, or write the value into the definition");
      }
    }
    Set<String> taken = new HashSet<>(used);
    template.path("Parameters").fieldNames().forEachRemaining(taken::add);
    LiteralLifter.Lifted lifted = LiteralLifter.lift(resolved.definition(), options.keepLiteral(), taken);
    parameters.addAll(lifted.parameters());
    report.addAll(lifted.report());

    List<TriggerSpec> triggers = triggers(logicalId, properties, sam);
    Logging logging = logging(properties.path(sam ? "Logging" : "LoggingConfiguration"), sam ? "Logging" : "LoggingConfiguration",
        parameters);
    JsonNode tracingNode = properties.path(sam ? "Tracing" : "TracingConfiguration").path("Enabled");
    Boolean tracing = tracingNode.isBoolean() ? tracingNode.booleanValue() : null;
    String type = properties.path(sam ? "Type" : "StateMachineType").asText("STANDARD");
    Map<String, String> tags = tags(properties.path("Tags"));
    roleReport(properties, sam);
    RolePolicies rolePolicies = rolePolicies(properties, sam);
    String name = properties.path(sam ? "Name" : "StateMachineName").isTextual()
        ? properties.path(sam ? "Name" : "StateMachineName").textValue() : logicalId;
    if (properties.has(sam ? "Name" : "StateMachineName")) {
      report.add((sam ? "Name" : "StateMachineName") + ": not kept; CloudFormation names the state machine after the stack");
    }
    String id = options.id() != null ? options.id() : workflowId(name);
    String description = template.path("Description").isTextual() ? template.path("Description").textValue().strip() : null;
    return new AdoptedWorkflow(id, description, resolved.definition(), parameters, topics, triggers,
        "EXPRESS".equals(type) ? "EXPRESS" : "STANDARD", logging, tracing, tags, pseudo, rolePolicies, report);
  }

  private String chooseStateMachine(String wanted) {
    List<String> machines = new ArrayList<>();
    resources.fields().forEachRemaining(resource -> {
      String type = resource.getValue().path("Type").asText();
      if (type.equals(STATE_MACHINE) || type.equals(SAM_STATE_MACHINE)) {
        machines.add(resource.getKey());
      }
    });
    if (machines.isEmpty()) {
      throw new AdoptionException(file + ": the template has no " + STATE_MACHINE + " or " + SAM_STATE_MACHINE
          + " resource, so there is nothing to adopt");
    }
    if (wanted != null) {
      if (!machines.contains(wanted)) {
        throw new AdoptionException(file + ": the template has no state machine " + wanted + "; it has " + machines);
      }
      return wanted;
    }
    if (machines.size() > 1) {
      throw new AdoptionException(file + ": the template has " + machines.size() + " state machines " + machines
          + "; choose one with --resource ID");
    }
    return machines.get(0);
  }

  static void checkLints(ObjectNode definition, String where) {
    List<Problem> errors = AslValidator.validate(definition).stream().filter(Problem::isError).sorted(Problem.ORDER).toList();
    if (!errors.isEmpty()) {
      throw new AdoptionException(where + ": the definition has " + errors.size() + (errors.size() == 1 ? " error" : " errors")
          + ", so it is not adopted; the first: " + errors.get(0).describe()
          + " (statecraft lint lists them all once the definition is in a file of its own)");
    }
  }

  private static Set<String> placeholders(JsonNode node) {
    Set<String> found = new java.util.LinkedHashSet<>();
    collect(node, found);
    return found;
  }

  private static void collect(JsonNode node, Set<String> found) {
    if (node.isTextual()) {
      Matcher matcher = PLACEHOLDER.matcher(node.textValue());
      while (matcher.find()) {
        found.add(matcher.group(1));
      }
    }
    node.fields().forEachRemaining(field -> {
      Matcher matcher = PLACEHOLDER.matcher(field.getKey());
      while (matcher.find()) {
        found.add(matcher.group(1));
      }
    });
    node.forEach(child -> collect(child, found));
  }

  // What feeds ${key}: a parameter like the template's, a topic the workflow creates, or a parameter to fill in.
  private void feed(String key, JsonNode value, List<ParameterSpec> parameters, List<String> topics) {
    String at = "DefinitionSubstitutions/" + key;
    if (value.isTextual() || value.isNumber() || value.isBoolean()) {
      parameters.add(ParameterSpec.string(key, "Adopted from DefinitionSubstitutions", value.asText()));
      report.add(at + ": the literal " + value.asText() + " -> parameter " + key + " (default: the old value)");
      return;
    }
    String ref = value.path("Ref").asText(null);
    JsonNode parameter = ref == null ? null : template.path("Parameters").get(ref);
    if (parameter != null) {
      parameters.add(declared(key, parameter));
      report.add(at + ": Ref " + ref + " -> parameter " + key + (key.equals(ref) ? "" : " (was the template parameter " + ref + ")"));
      return;
    }
    String target = ref != null ? ref : value.path("Fn::GetAtt").path(0).asText(null);
    String targetType = target == null ? null : resources.path(target).path("Type").asText(null);
    boolean arn = ref != null || "Arn".equals(value.path("Fn::GetAtt").path(1).asText())
        || "TopicArn".equals(value.path("Fn::GetAtt").path(1).asText());
    if ("AWS::SNS::Topic".equals(targetType) && arn && key.endsWith("Arn") && key.length() > 3) {
      String topic = key.substring(0, key.length() - 3);
      topics.add(topic);
      report.add(at + ": the SNS topic " + target + " of the template -> SnsTopic " + topic + " created by the workflow");
      return;
    }
    String what = ref != null && ref.startsWith("AWS::") ? "the pseudo parameter " + ref
        : targetType != null ? "the " + targetType + " " + target + (ref != null ? "" : "'s " + value.path("Fn::GetAtt").path(1).asText())
        : "the template value " + value;
    parameters.add(ParameterSpec.string(key, "Adopted: " + what + " in the original template", null));
    report.add(at + ": " + what + " -> parameter " + key + " without default; pass the value when you deploy"
        + (targetType != null ? " (or declare the resource in spec())" : ""));
  }

  private ParameterSpec declared(String name, JsonNode parameter) {
    List<String> allowed = new ArrayList<>();
    parameter.path("AllowedValues").forEach(v -> allowed.add(v.asText()));
    String type = parameter.path("Type").isTextual() && !parameter.path("Type").textValue().isBlank()
        ? parameter.path("Type").textValue().strip() : "String";
    return new ParameterSpec(name, type, textOrNull(parameter.path("Description")),
        parameter.has("Default") ? parameter.get("Default").asText() : null,
        "true".equalsIgnoreCase(parameter.path("NoEcho").asText()), allowed,
        textOrNull(parameter.path("AllowedPattern")), intOrNull(parameter.path("MinLength")),
        intOrNull(parameter.path("MaxLength")), textOrNull(parameter.path("ConstraintDescription")));
  }

  private static String textOrNull(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText().strip() : null;
  }

  private static Integer intOrNull(JsonNode node) {
    return node.canConvertToInt() || node.isTextual() && node.asText().matches("\\d{1,9}") ? node.asInt() : null;
  }

  private List<TriggerSpec> triggers(String machine, JsonNode properties, boolean sam) {
    List<TriggerSpec> triggers = new ArrayList<>();
    resources.fields().forEachRemaining(resource -> {
      String id = resource.getKey();
      JsonNode r = resource.getValue();
      JsonNode p = r.path("Properties");
      switch (r.path("Type").asText()) {
        case "AWS::Events::Rule" -> p.path("Targets").forEach(target -> {
          if (names(target.path("Arn"), machine)) {
            String schedule = textOrNull(p.path("ScheduleExpression"));
            JsonNode pattern = p.get("EventPattern");
            if (!p.path("ScheduleExpression").isMissingNode() && schedule == null || pattern != null && !pattern.isObject()) {
              report.add("Resources/" + id + ": an EventBridge rule whose schedule or pattern is not a literal; not adopted, "
                  + "write it with EventRule in spec()");
              return;
            }
            triggers.add(new EventRuleSpec(id, textOrNull(p.path("Description")), schedule, pattern,
                textOrNull(target.path("Input"))));
            report.add("Resources/" + id + ": EventBridge rule -> trigger EventRule " + id + " (its role is derived, "
                + "its Name and RoleArn are not kept)");
          }
        });
        case "AWS::Scheduler::Schedule" -> {
          if (names(p.path("Target").path("Arn"), machine)) {
            String expression = textOrNull(p.path("ScheduleExpression"));
            if (expression == null) {
              report.add("Resources/" + id + ": a schedule whose expression is not a literal; not adopted, write it with "
                  + "Schedule in spec()");
              return;
            }
            triggers.add(new ScheduleSpec(id, textOrNull(p.path("Description")), expression,
                textOrNull(p.path("ScheduleExpressionTimezone")), textOrNull(p.path("Target").path("Input"))));
            report.add("Resources/" + id + ": EventBridge Scheduler schedule -> trigger Schedule " + id);
          }
        }
        case "AWS::SSM::MaintenanceWindowTask" -> {
          if (names(p.path("TaskArn"), machine)) {
            MaintenanceWindowSpec window = maintenanceWindow(id, p);
            if (window != null) {
              triggers.add(window);
              report.add("Resources/" + id + ": maintenance window task -> trigger MaintenanceWindow " + window.logicalId()
                  + " with its window and " + window.targets().size() + (window.targets().size() == 1 ? " target" : " targets")
                  + " (its role is derived, its Name and ServiceRoleArn are not kept)");
            }
          }
        }
        default -> { }
      }
    });
    if (sam) {
      properties.path("Events").fields().forEachRemaining(event -> {
        JsonNode p = event.getValue().path("Properties");
        String eventType = event.getValue().path("Type").asText();
        String id = LiteralLifter.identifier(event.getKey());
        // SAM event sources: https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-property-statemachine-statemachineeventsource.html
        if (eventType.equals("Schedule") && p.path("Schedule").isTextual()) {
          triggers.add(new EventRuleSpec(id, textOrNull(p.path("Description")), p.path("Schedule").textValue(), null,
              textOrNull(p.path("Input"))));
          report.add("Events/" + event.getKey() + ": SAM Schedule -> trigger EventRule " + id);
        } else if (eventType.equals("ScheduleV2") && p.path("ScheduleExpression").isTextual()) {
          triggers.add(new ScheduleSpec(id, textOrNull(p.path("Description")), p.path("ScheduleExpression").textValue(),
              textOrNull(p.path("ScheduleExpressionTimezone")), textOrNull(p.path("Input"))));
          report.add("Events/" + event.getKey() + ": SAM ScheduleV2 -> trigger Schedule " + id);
        } else if ((eventType.equals("EventBridgeRule") || eventType.equals("CloudWatchEvent")) && p.path("Pattern").isObject()) {
          triggers.add(new EventRuleSpec(id, null, null, p.get("Pattern"), textOrNull(p.path("Input"))));
          report.add("Events/" + event.getKey() + ": SAM " + eventType + " -> trigger EventRule " + id);
        } else {
          report.add("Events/" + event.getKey() + ": a SAM " + eventType + " event; not adopted, write it in spec()");
        }
      });
    }
    return triggers;
  }

  // A maintenance window task of the template, with its window and targets; null (and a report line)
  // when they are not literal enough for MaintenanceWindow. Properties:
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ssm-maintenancewindowtask.html,
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ssm-maintenancewindow.html,
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ssm-maintenancewindowtarget.html
  private MaintenanceWindowSpec maintenanceWindow(String taskId, JsonNode task) {
    String at = "Resources/" + taskId + ": a maintenance window task that starts the state machine; not adopted, ";
    String windowId = task.path("WindowId").path("Ref").asText(null);
    JsonNode window = windowId == null ? null : resources.get(windowId);
    if (window == null || !"AWS::SSM::MaintenanceWindow".equals(window.path("Type").asText())) {
      report.add(at + "its WindowId is no AWS::SSM::MaintenanceWindow of the template; write it with MaintenanceWindow in spec()");
      return null;
    }
    JsonNode w = window.path("Properties");
    Integer duration = intOrNull(w.path("Duration"));
    Integer cutoff = intOrNull(w.path("Cutoff"));
    String schedule = w.path("Schedule").isTextual() ? w.get("Schedule").textValue() : null;
    if (schedule == null || duration == null || cutoff == null) {
      report.add(at + "the window's Schedule, Duration or Cutoff is not a literal; write it with MaintenanceWindow in spec()");
      return null;
    }
    List<WindowTargetSpec> targets = new ArrayList<>();
    for (JsonNode selector : task.path("Targets")) {
      String key = selector.path("Key").asText();
      for (JsonNode value : selector.path("Values")) {
        String targetId = value.path("Ref").asText(null);
        JsonNode target = targetId == null ? null : resources.get(targetId);
        JsonNode t = target == null ? null : target.path("Properties").path("Targets");
        if (!key.equals("WindowTargetIds") || target == null
            || !"AWS::SSM::MaintenanceWindowTarget".equals(target.path("Type").asText()) || t.size() != 1
            || t.get(0).path("Values").size() != 1 || !t.get(0).path("Values").get(0).isTextual()
            || !t.get(0).path("Key").isTextual()) {
          report.add(at + "a target that is no AWS::SSM::MaintenanceWindowTarget of the template with one literal "
              + "key and value; write it with MaintenanceWindow in spec()");
          return null;
        }
        String targetKey = t.get(0).get("Key").textValue();
        if (!targetKey.startsWith("tag:") && !targetKey.equals("InstanceIds") && !targetKey.equals("resource-groups:Name")) {
          report.add(at + "a target by " + targetKey + ", which MaintenanceWindowTarget does not take; write it in spec()");
          return null;
        }
        targets.add(new WindowTargetSpec(targetId, textOrNull(target.path("Properties").path("Description")), targetKey,
            t.get(0).get("Values").get(0).textValue()));
      }
    }
    if (targets.isEmpty()) {
      report.add(at + "it has no target; write it with MaintenanceWindow in spec()");
      return null;
    }
    return new MaintenanceWindowSpec(windowId, textOrNull(w.path("Description")), schedule,
        textOrNull(w.path("ScheduleTimezone")), duration, cutoff, w.path("AllowUnassociatedTargets").asBoolean(false),
        targets, intOrNull(task.path("Priority")), textOrNull(task.path("MaxConcurrency")),
        textOrNull(task.path("MaxErrors")), textOrNull(task.path("TaskInvocationParameters")
            .path("MaintenanceWindowStepFunctionsParameters").path("Input")));
  }

  // Whether a target's Arn is the state machine: Ref, Fn::GetAtt .Arn, or Fn::Sub "${Machine}".
  private static boolean names(JsonNode arn, String machine) {
    return machine.equals(arn.path("Ref").asText(null))
        || machine.equals(arn.path("Fn::GetAtt").path(0).asText(null))
        || ("${" + machine + "}").equals(arn.path("Fn::Sub").asText(null));
  }

  /**
   * The logging settings of {@code logging} ({@code LoggingConfiguration}, or SAM's {@code Logging}).
   * Its destination is carried over when it is a log group the template does not create: a literal
   * ARN, or a template parameter, becomes the parameter of {@code LogGroup.existing(...)}. A log
   * group the template creates is not: the workflow's stack creates its own.
   */
  private Logging logging(JsonNode logging, String field, List<ParameterSpec> parameters) {
    if (!logging.isObject()) {
      return null;
    }
    String level = logging.path("Level").asText("OFF");
    boolean data = logging.path("IncludeExecutionData").asBoolean(false);
    String logGroupArnParameter = null;
    JsonNode arn = logging.path("Destinations").path(0).path("CloudWatchLogsLogGroup").path("LogGroupArn");
    String at = field + "/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn";
    String ref = arn.path("Ref").asText(null);
    JsonNode declared = ref == null ? null : template.path("Parameters").get(ref);
    if (logging.path("Destinations").size() == 0 || "OFF".equals(level)) {
      if (logging.path("Destinations").size() > 0) {
        report.add(field + "/Destinations: not kept; logging is OFF");
      }
    } else if (arn.isTextual()) {
      logGroupArnParameter = existingLogGroup(arn.textValue(), at, parameters, report);
    } else if (declared != null) {
      if (parameters.stream().noneMatch(parameter -> parameter.name().equals(ref))) {
        parameters.add(declared(ref, declared));
      }
      logGroupArnParameter = ref;
      report.add(at + ": Ref " + ref + " -> the existing log group LogGroup.existing(" + ref + "), parameter " + ref);
    } else {
      report.add(field + "/Destinations: not kept; the workflow logs to the log group Statecraft creates");
    }
    report.add(field + ": level " + level + ", execution data " + (data ? "included" : "not included") + " -> kept");
    return new Logging(level, data, logGroupArnParameter);
  }

  /**
   * Carries over a log group that the adopted state machine logs to and the workflow's stack does
   * not create, given by its literal ARN: a parameter {@code LogGroupArn} (or the first free
   * {@code LogGroupArnN}) with the ARN as its default, for {@code LogGroup.existing(...)}. A
   * CloudFormation parameter's default is literal, so the account and Region stay in it; another
   * account gives its own log group's ARN. Step Functions takes the ARN with {@code :*} at its end
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachine-cloudwatchlogsloggroup.html),
   * which is added when missing. Returns the parameter's name.
   */
  static String existingLogGroup(String arn, String at, List<ParameterSpec> parameters, List<String> report) {
    String name = "LogGroupArn";
    for (int i = 2; taken(name, parameters); i++) {
      name = "LogGroupArn" + i;
    }
    String value = arn.endsWith(":*") ? arn : arn + ":*";
    parameters.add(ParameterSpec.string(name, "The existing log group the state machine logs to (adopted with " + arn + ")",
        value));
    report.add(at + ": the log group " + arn + " -> the existing log group LogGroup.existing(" + name + "), parameter "
        + name + " (default: the old value" + (value.equals(arn) ? "" : " with ':*' added, as Step Functions needs") + ")");
    return name;
  }

  private static boolean taken(String name, List<ParameterSpec> parameters) {
    return parameters.stream().anyMatch(parameter -> parameter.name().equals(name));
  }

  private Map<String, String> tags(JsonNode tags) {
    Map<String, String> result = new LinkedHashMap<>();
    if (tags.isArray()) {
      tags.forEach(tag -> {
        if (tag.path("Key").isTextual() && tag.path("Value").isTextual()) {
          result.put(tag.get("Key").textValue(), tag.get("Value").textValue());
        } else {
          report.add("Tags: a tag that is not literal text; not kept");
        }
      });
    } else if (tags.isObject()) {
      tags.fields().forEachRemaining(tag -> {
        if (tag.getValue().isTextual()) {
          result.put(tag.getKey(), tag.getValue().textValue());
        } else {
          report.add("Tags/" + tag.getKey() + ": not literal text; not kept");
        }
      });
    }
    return result;
  }

  // The original role's policies, from the template: its inline and managed policies, the
  // AWS::IAM::Policy and ::ManagedPolicy resources attached to it, a SAM machine's inline Policies.
  private RolePolicies rolePolicies(JsonNode properties, boolean sam) {
    Map<String, String> defaults = new LinkedHashMap<>();
    template.path("Parameters").fields().forEachRemaining(p -> {
      if (p.getValue().path("Default").isValueNode()) {
        defaults.put(p.getKey(), p.getValue().get("Default").asText());
      }
    });
    List<RolePolicies.Grant> grants = new ArrayList<>();
    List<String> unread = new ArrayList<>();
    if (sam && properties.path("Policies").isArray() || sam && properties.path("Policies").isObject()) {
      for (JsonNode policy : RolePolicies.oneOrList(properties.get("Policies"))) {
        if (policy.has("Statement")) {
          RolePolicies.statements(policy, "Policies", defaults, grants, unread);
        } else {
          unread.add("Policies: " + (policy.isTextual() ? "the managed policy " + policy.textValue()
              : "the policy template " + policy.fieldNames().next()) + " is not in the template; pass its document with "
              + "--role-policy FILE to compare");
        }
      }
    } else if (sam && properties.path("Policies").isTextual()) {
      unread.add("Policies: the managed policy " + properties.get("Policies").textValue() + " is not in the template; pass "
          + "its document with --role-policy FILE to compare");
    }
    JsonNode roleArn = properties.path(sam ? "Role" : "RoleArn");
    String role = roleArn.path("Ref").asText(roleArn.path("Fn::GetAtt").path(0).asText(null));
    if (role == null || !"AWS::IAM::Role".equals(resources.path(role).path("Type").asText())) {
      if (!roleArn.isMissingNode()) {
        unread.add((sam ? "Role" : "RoleArn") + ": not a role of this template; pass its policies with --role-policy FILE "
            + "to compare");
      }
      return grants.isEmpty() && unread.isEmpty() ? RolePolicies.none() : new RolePolicies("Policies", grants, unread);
    }
    JsonNode roleProperties = resources.path(role).path("Properties");
    roleProperties.path("Policies").forEach(policy -> RolePolicies.statements(policy.path("PolicyDocument"),
        "Resources/" + role + "/Policies/" + policy.path("PolicyName").asText("?"), defaults, grants, unread));
    roleProperties.path("ManagedPolicyArns").forEach(arn -> {
      String managed = arn.path("Ref").asText(null);
      if (managed != null && "AWS::IAM::ManagedPolicy".equals(resources.path(managed).path("Type").asText())) {
        RolePolicies.statements(resources.path(managed).path("Properties").path("PolicyDocument"), "Resources/" + managed,
            defaults, grants, unread);
      } else {
        unread.add("Resources/" + role + "/ManagedPolicyArns: " + (arn.isTextual() ? arn.textValue() : arn.toString())
            + " is not in the template; pass its document with --role-policy FILE to compare");
      }
    });
    resources.fields().forEachRemaining(resource -> {
      String type = resource.getValue().path("Type").asText();
      JsonNode p = resource.getValue().path("Properties");
      boolean attached = false;
      for (JsonNode r : p.path("Roles")) {
        attached |= role.equals(r.path("Ref").asText(null));
      }
      boolean listed = false;
      for (JsonNode arn : roleProperties.path("ManagedPolicyArns")) {
        listed |= resource.getKey().equals(arn.path("Ref").asText(null));
      }
      // AWS::IAM::RolePolicy names its one role: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-rolepolicy.html
      attached |= type.equals("AWS::IAM::RolePolicy") && role.equals(p.path("RoleName").path("Ref").asText(null));
      if (attached && !listed && (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")
          || type.equals("AWS::IAM::RolePolicy"))) {
        RolePolicies.statements(p.path("PolicyDocument"), "Resources/" + resource.getKey(), defaults, grants, unread);
      }
    });
    return new RolePolicies("role " + role, grants, unread);
  }

  private void roleReport(JsonNode properties, boolean sam) {
    if (properties.has(sam ? "Role" : "RoleArn") || properties.has("Policies")) {
      report.add((sam ? "Role/Policies" : "RoleArn")
          + ": not copied; Statecraft derives the execution role from the states (tasks with a raw resource declare "
          + "none until you use a typed integration or Task.permissions(...))");
    }
  }

  /** A workflow id from a state machine's name: {@code SSMPatchingAlerts} gives {@code ssm-patching-alerts}. */
  static String workflowId(String name) {
    String kebab = name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1-$2")
        .replaceAll("[^A-Za-z0-9]+", "-").replaceAll("(^-+|-+$)", "").toLowerCase(Locale.ROOT);
    return kebab.isEmpty() ? "adopted" : kebab;
  }
}
