package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.SourceLocation;
import io.statecraft.dsl.workflow.LogGroup;
import io.statecraft.dsl.workflow.LogLevel;
import io.statecraft.dsl.workflow.Output;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.ParameterGroup;
import io.statecraft.dsl.workflow.TemplateCondition;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowResource;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.dsl.workflow.WorkflowSpec.ConditionalPermission;
import io.statecraft.dsl.workflow.WorkflowType;
import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.iam.IamCatalog;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.asl.validate.AslValidator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the CloudFormation template of a workflow: parameters, the state machine with a literal
 * {@code Definition} and its {@code DefinitionSubstitutions}, its execution role derived from the
 * integrations used, logging and tracing, supporting resources, triggers with roles of their own,
 * and outputs; then checks the result before anything is written.
 */
public final class TemplateGenerator {

  /** The logical ids of what every template holds. */
  public static final String STATE_MACHINE = "StateMachine";
  public static final String STATE_MACHINE_ROLE = "StateMachineRole";
  public static final String STATE_MACHINE_POLICY = "StateMachinePolicy";
  public static final String STATE_MACHINE_LOG_GROUP = "StateMachineLogGroup";
  /** The parameter added for the retention of the log groups the template creates. */
  public static final String LOG_RETENTION_PARAMETER = "LogRetentionInDays";

  /** CloudFormation's limit on a template body in S3. */
  static final int MAX_TEMPLATE_BYTES = 1_048_576;
  static final int MAX_DESCRIPTION = 1024;
  static final int MAX_INLINE_POLICY_CHARACTERS = 10_240;

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern PLACEHOLDER = Placeholder.TOKEN;

  /**
   * The template and the problems found in it (the definition's own problems are not repeated).
   *
   * @param template the template tree, canonical key order
   * @param problems template problems, sorted
   */
  public record Result(ObjectNode template, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private final String workflowId;
  private final WorkflowSpec spec;
  private final BuiltStateMachine built;
  private final CompiledDefinition definition;
  private final Map<String, Parameter> parameters = new LinkedHashMap<>();
  private final List<Problem> early = new ArrayList<>();

  private TemplateGenerator(String workflowId, WorkflowSpec spec, BuiltStateMachine built, CompiledDefinition definition) {
    this.workflowId = workflowId;
    this.spec = spec;
    this.built = built;
    this.definition = definition;
  }

  /** The template of workflow {@code workflowId}, whose state machine was built and compiled already. */
  public static Result generate(String workflowId, WorkflowSpec spec, BuiltStateMachine built, CompiledDefinition definition) {
    return new TemplateGenerator(workflowId, spec, built, definition).generate();
  }

  private Result generate() {
    collectParameters();
    boolean defaultLogGroup = spec.logLevel() != LogLevel.OFF && spec.logGroup() == null;
    List<ResourceTemplate> resourceTemplates = new ArrayList<>();
    boolean keepsOtherLogs = false;
    for (WorkflowResource resource : spec.resources()) {
      ResourceTemplate resourceTemplate = ResourceTemplate.of(resource);
      resourceTemplates.add(resourceTemplate);
      keepsOtherLogs |= resourceTemplate.keepsLogsForLogRetention();
    }
    if ((defaultLogGroup || keepsOtherLogs) && !parameters.containsKey(LOG_RETENTION_PARAMETER)) {
      parameters.put(LOG_RETENTION_PARAMETER, Parameter.number(LOG_RETENTION_PARAMETER)
          .description("How many days CloudWatch Logs keeps the logs of this stack")
          .allowedValues(LogGroup.RETENTION_DAYS)
          .defaultValue(90));
    }

    Map<String, JsonNode> substitutionValues = new LinkedHashMap<>();
    Map<String, String> aliases = new LinkedHashMap<>();
    for (Parameter parameter : parameters.values()) {
      substitutionValues.put(parameter.name(), TemplateJson.ref(parameter.name()));
    }
    for (Map.Entry<String, TemplateValue> substitution : spec.substitutions().entrySet()) {
      addPlaceholder(substitution.getKey(), TemplateJson.value(substitution.getValue()),
          "a value of WorkflowSpec.substitution", substitutionValues, aliases);
    }
    for (int i = 0; i < resourceTemplates.size(); i++) {
      ResourceTemplate resource = resourceTemplates.get(i);
      String id = spec.resources().get(i).logicalId();
      Optional<ArnPlaceholder> arn = resource.arnPlaceholder();
      if (arn.isPresent()) {
        addPlaceholder(arn.get().name(), arn.get().value(), "the ARN of resource " + id, substitutionValues, aliases);
      }
      for (Map.Entry<String, JsonNode> placeholder : resource.placeholders().entrySet()) {
        addPlaceholder(placeholder.getKey(), placeholder.getValue(), "a value of resource " + id,
            substitutionValues, aliases);
      }
    }

    ObjectNode template = TemplateJson.NODES.objectNode();
    template.put("AWSTemplateFormatVersion", "2010-09-09");
    template.put("Description", description());
    ObjectNode metadata = template.putObject("Metadata");
    ObjectNode parametersNode = template.putObject("Parameters");
    ObjectNode conditionsNode = template.putObject("Conditions");
    ObjectNode resources = template.putObject("Resources");
    TemplateContext context = new TemplateContext(resources, IamCatalog.standard(), aliases, substitutionValues);
    context.problems.addAll(early);

    Set<String> inDefinition = placeholders().keySet();
    for (Parameter parameter : parameters.values()) {
      context.parameterNames.add(parameter.name());
      context.problems.addAll(ParameterRules.check(parameter));
      parametersNode.set(parameter.name(), ParameterRules.declaration(parameter, inDefinition.contains(parameter.name())));
    }
    ObjectNode substitutions = substitutions(context, substitutionValues);
    writeStateMachine(context, substitutions);
    ReleaseTemplate.write(context, spec);
    context.aliasName = spec.publishesVersions() ? spec.alias() : null;
    context.encryption = spec.encryption();
    checkTaskPermissions(context);
    writeResources(context, resourceTemplates);
    if (spec.encryption() != null) {
      EncryptionTemplate.keyPolicy(context, spec.encryption(), spec.logLevel() != LogLevel.OFF);
    }
    FailureAlarms.write(context, spec);
    writeOutputs(template, context);
    writeMetadata(metadata, context);
    if (metadata.isEmpty()) {
      template.remove("Metadata");
    }
    if (parametersNode.isEmpty()) {
      template.remove("Parameters");
    }
    ParameterCollector.conditions(spec).write(conditionsNode, context);
    if (conditionsNode.isEmpty()) {
      template.remove("Conditions");
    }
    Map<String, List<String>> used = checkReferences(template, context);
    ConditionalReferences.check(template, context);
    checkUnusedParameters(used.keySet(), context);
    checkSecretsStaySecret(used, context);
    checkInlinePolicySizes(template, context);
    checkLimits(template, context);
    List<Problem> problems = new ArrayList<>(context.problems.all());
    problems.sort(Problem.ORDER);
    return new Result(template, problems);
  }

  private String description() {
    String text = spec.description() == null || spec.description().isBlank()
        ? "Statecraft workflow " + workflowId
        : workflowId + ": " + spec.description().strip();
    if (text.length() > MAX_DESCRIPTION) {
      early.add(Problem.error(ProblemCode.TOO_LARGE, "/Description", "the template's Description (\"" + workflowId
          + ": \" and the workflow's description) is " + text.length() + " characters, over CloudFormation's "
          + MAX_DESCRIPTION + "; shorten WorkflowSpec.description(...)"));
    }
    return text;
  }

  // Parameters declared first, in order, then those only resources, tags, the name or outputs use.
  private void collectParameters() {
    List<Parameter> all = new ArrayList<>(spec.parameters());
    for (ParameterGroup group : spec.parameterGroups()) {
      all.addAll(group.parameters());
    }
    all.addAll(ParameterCollector.implicit(spec));
    for (Parameter parameter : all) {
      Parameter earlier = parameters.get(parameter.name());
      if (earlier == null) {
        parameters.put(parameter.name(), parameter);
      } else if (earlier != parameter) {
        early.add(Problem.error(ProblemCode.DUPLICATE_LOGICAL_ID, JsonPointers.child("/Parameters", parameter.name()),
            "two different parameters are named '" + parameter.name() + "'; create the Parameter once and use it "
                + "everywhere, or rename one"));
      }
    }
  }

  private void addPlaceholder(String name, JsonNode value, String standsFor, Map<String, JsonNode> values,
      Map<String, String> aliases) {
    if (values.containsKey(name)) {
      early.add(Problem.error(ProblemCode.DUPLICATE_LOGICAL_ID, JsonPointers.child("/Parameters", name),
          "placeholder ${" + name + "} stands for both a parameter and " + standsFor
              + "; rename the parameter or the resource"));
      return;
    }
    values.put(name, value);
    // A Ref or Fn::GetAtt is written ${Id} or ${Id.Attribute} in an Fn::Sub; a derived value is not.
    if (value.has("Ref")) {
      aliases.put(name, value.get("Ref").textValue());
    } else if (value.has("Fn::GetAtt")) {
      aliases.put(name, value.get("Fn::GetAtt").get(0).textValue() + "." + value.get("Fn::GetAtt").get(1).textValue());
    }
  }

  /** The supporting resources and triggers, after the log group chosen for the state machine when it is not among them. */
  private void writeResources(TemplateContext context, List<ResourceTemplate> resourceTemplates) {
    if (spec.logGroup() != null && !spec.resources().contains(spec.logGroup())) {
      ResourceTemplate.of(spec.logGroup()).write(context);
    }
    for (int i = 0; i < resourceTemplates.size(); i++) {
      Set<String> before = fieldNames(context.resources);
      resourceTemplates.get(i).write(context);
      TemplateCondition condition = spec.conditionOf(spec.resources().get(i));
      if (condition != null) {
        // Everything this resource brings (its role, queue, policy) is created under its condition.
        Iterator<Map.Entry<String, JsonNode>> fields = context.resources.fields();
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> entry = fields.next();
          if (!before.contains(entry.getKey())) {
            ((ObjectNode) entry.getValue()).put("Condition", condition.name());
          }
        }
      }
    }
    if (spec.logGroup() != null && spec.logLevel() != LogLevel.OFF) {
      LogGroupTemplate.nameForStepFunctions(context, spec.logGroup().logicalId());
    }
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    Iterator<String> iterator = node.fieldNames();
    while (iterator.hasNext()) {
      names.add(iterator.next());
    }
    return names;
  }

  /** The definition's placeholders, each with the pointer of its first use, in order of appearance. */
  private Map<String, String> placeholders() {
    Map<String, String> found = new LinkedHashMap<>();
    collectPlaceholders(definition.json(), "", found);
    return found;
  }

  private static void collectPlaceholders(JsonNode node, String pointer, Map<String, String> found) {
    if (node.isTextual()) {
      Matcher matcher = PLACEHOLDER.matcher(node.textValue());
      while (matcher.find()) {
        found.putIfAbsent(matcher.group(1), pointer);
      }
    } else if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String child = JsonPointers.child(pointer, field.getKey());
        Matcher matcher = PLACEHOLDER.matcher(field.getKey());
        while (matcher.find()) {
          found.putIfAbsent(matcher.group(1), child);
        }
        collectPlaceholders(field.getValue(), child, found);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectPlaceholders(node.get(i), JsonPointers.child(pointer, i), found);
      }
    }
  }

  private ObjectNode substitutions(TemplateContext context, Map<String, JsonNode> values) {
    ObjectNode substitutions = TemplateJson.NODES.objectNode();
    Map<String, JsonNode> sorted = new TreeMap<>();
    for (Map.Entry<String, String> placeholder : placeholders().entrySet()) {
      String name = placeholder.getKey();
      String pointer = placeholder.getValue();
      JsonNode value = values.get(name);
      SourceLocation source = sourceOf(pointer);
      if (value == null) {
        context.missingPlaceholders.add(name);
        context.problems.add(Problem.error(ProblemCode.MISSING_SUBSTITUTION, pointer, "placeholder ${" + name
            + "} is filled in by no parameter or resource of the workflow" + suggestion(name, values.keySet())
            + "; declare the Parameter in WorkflowSpec.parameters(...) or the resource in WorkflowSpec.resources(...)")
            .at(source));
        continue;
      }
      Parameter parameter = parameters.get(name);
      if (parameter != null && parameter.isNoEcho()) {
        context.problems.add(Problem.error(ProblemCode.NOECHO_IN_DEFINITION, pointer, "parameter " + name
            + " is NoEcho (a secret), but the definition uses it, so its value would be readable by anyone who can "
            + "describe the state machine; pass secrets through an HttpConnection or a Secrets Manager dynamic reference")
            .at(source));
      }
      sorted.put(name, value);
    }
    for (Map.Entry<String, JsonNode> entry : sorted.entrySet()) {
      substitutions.set(entry.getKey(), entry.getValue());
    }
    return substitutions;
  }

  private static String suggestion(String name, Collection<String> known) {
    Optional<String> best = Spelling.nearest(name, known);
    return best.isPresent() ? " (did you mean ${" + best.get() + "}?)" : "";
  }

  /** The Java line of the state a definition pointer lies in, when it was built with the DSL. */
  private SourceLocation sourceOf(String pointer) {
    int at = pointer.lastIndexOf("/States/");
    if (at < 0) {
      return null;
    }
    String rest = pointer.substring(at + "/States/".length());
    int slash = rest.indexOf('/');
    String state = (slash < 0 ? rest : rest.substring(0, slash)).replace("~1", "/").replace("~0", "~");
    return built.sources().get(state);
  }

  private void writeStateMachine(TemplateContext context, ObjectNode substitutions) {
    String logGroupId = spec.logLevel() == LogLevel.OFF ? null
        : spec.logGroup() != null ? spec.logGroup().logicalId() : STATE_MACHINE_LOG_GROUP;
    boolean existingLogGroup = spec.logGroup() != null && spec.logGroup().isExisting();
    ObjectNode properties = context.resource(STATE_MACHINE, "AWS::StepFunctions::StateMachine");
    if (spec.name() != null) {
      properties.set("StateMachineName", TemplateJson.ref(spec.name().name()));
    }
    properties.put("StateMachineType", spec.type().name());
    properties.set("Definition", definition.json().deepCopy());
    if (!substitutions.isEmpty()) {
      properties.set("DefinitionSubstitutions", substitutions);
    }
    properties.set("RoleArn", TemplateJson.getAtt(STATE_MACHINE_ROLE, "Arn"));
    if (logGroupId != null) {
      ObjectNode logging = properties.putObject("LoggingConfiguration");
      logging.put("Level", spec.logLevel().name());
      logging.put("IncludeExecutionData", spec.includeExecutionData());
      // An existing log group is given by its ARN parameter; the grants below are the same either
      // way, since log delivery's actions take no resource.
      logging.putArray("Destinations").addObject().putObject("CloudWatchLogsLogGroup")
          .set("LogGroupArn", existingLogGroup
              ? TemplateJson.ref(spec.logGroup().existingArn().name()) : TemplateJson.getAtt(logGroupId, "Arn"));
    }
    properties.putObject("TracingConfiguration").put("Enabled", spec.tracing());
    if (spec.encryption() != null) {
      EncryptionTemplate.configuration(context, spec.encryption(), properties, logGroupId, existingLogGroup);
    }
    // Step Functions keeps no execution history of Express workflows: their logs are all there is
    // (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-standard-vs-express.html).
    if (spec.type() == WorkflowType.EXPRESS && logGroupId == null) {
      context.warning(ProblemCode.EXPRESS_WITHOUT_LOGS, TemplateContext.pointer(STATE_MACHINE, "Properties"),
          "an EXPRESS workflow has no execution history, so with logging OFF nothing shows what a run did or why "
              + "it failed; log with WorkflowSpec.logging(LogLevel.ERROR or ALL, includeExecutionData)");
    }
    if (!spec.tags().isEmpty()) {
      ArrayNode tags = properties.putArray("Tags");
      for (Map.Entry<String, TemplateValue> entry : spec.tags().entrySet()) {
        ObjectNode tag = tags.addObject();
        tag.put("Key", entry.getKey());
        tag.set("Value", TemplateJson.value(entry.getValue()));
      }
    }

    // The role trusts Step Functions for state machines of this account only (confused deputy).
    ObjectNode condition = TemplateContext.sourceAccountCondition();
    String arnPattern = "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:"
        + (spec.name() != null ? "${" + spec.name().name() + "}" : "*");
    condition.putObject("ArnLike").set("aws:SourceArn", TemplateJson.sub(arnPattern));
    ObjectNode role = context.role(STATE_MACHINE_ROLE, "states.amazonaws.com", condition);

    List<Grant> inline = new ArrayList<>();
    List<Grant> self = new ArrayList<>();
    Map<String, List<Grant>> conditional = new TreeMap<>();
    for (Grant grant : grants(logGroupId != null, context.problems)) {
      if (grant.condition() != null) {
        List<Grant> grants = conditional.get(grant.condition().name());
        if (grants == null) {
          grants = new ArrayList<>();
          conditional.put(grant.condition().name(), grants);
        }
        grants.add(grant);
      } else {
        (grant.referencesStateMachine() ? self : inline).add(grant);
      }
    }
    context.inlinePolicy(STATE_MACHINE_ROLE, role, "StateMachinePermissions", inline);
    if (!self.isEmpty()) {
      // These name the state machine, which needs the role first: inside the role they would make
      // a circular dependency, so they go in a policy attached after the state machine exists.
      ObjectNode policy = context.resource(STATE_MACHINE_POLICY, "AWS::IAM::Policy");
      policy.put("PolicyName", "StateMachineSelfReferences");
      policy.set("PolicyDocument", context.policyDocument(STATE_MACHINE_POLICY, self,
          TemplateContext.pointer(STATE_MACHINE_POLICY, "Properties", "PolicyDocument", "Statement")));
      policy.putArray("Roles").add(TemplateJson.ref(STATE_MACHINE_ROLE));
      context.hasStateMachinePolicy = true;
    }
    // Grants under a template condition go in a policy created only under that condition
    // (its Condition attribute), attached to the role: nothing is granted when it does not hold.
    for (Map.Entry<String, List<Grant>> entry : conditional.entrySet()) {
      String conditionName = entry.getKey();
      List<Grant> grants = entry.getValue();
      String policyId = STATE_MACHINE + conditionName + "Policy";
      ObjectNode policy = context.resource(policyId, "AWS::IAM::Policy", conditionName);
      policy.put("PolicyName", conditionName);
      policy.set("PolicyDocument", context.policyDocument(policyId, grants,
          TemplateContext.pointer(policyId, "Properties", "PolicyDocument", "Statement")));
      policy.putArray("Roles").add(TemplateJson.ref(STATE_MACHINE_ROLE));
    }
    if (STATE_MACHINE_LOG_GROUP.equals(logGroupId)) {
      ObjectNode logGroup = context.resource(STATE_MACHINE_LOG_GROUP, "AWS::Logs::LogGroup");
      logGroup.set("RetentionInDays", TemplateJson.ref(LOG_RETENTION_PARAMETER));
      EncryptionTemplate.logGroup(spec.encryption(), logGroup);
      LogGroupTemplate.nameForStepFunctions(context, STATE_MACHINE_LOG_GROUP);
    }
  }

  /** Every statement the execution role needs: the tasks', logging's, tracing's, distributed Map's. */
  private List<Grant> grants(boolean logging, Problems problems) {
    List<Grant> grants = new ArrayList<>();
    for (Map.Entry<String, List<IamStatement>> entry : new TreeMap<>(built.permissions()).entrySet()) {
      String state = entry.getKey();
      for (IamStatement statement : entry.getValue()) {
        grants.add(new Grant(statement, "state " + state, built.sources().get(state)));
      }
    }
    for (IamStatement statement : spec.permissions()) {
      grants.add(new Grant(statement, "WorkflowSpec.permissions", null));
    }
    for (ConditionalPermission permission : spec.conditionalPermissions()) {
      grants.add(new Grant(permission.statement(),
          "WorkflowSpec.permissions(" + permission.condition().name() + ", ...)", null, null, permission.condition()));
    }
    if (logging) {
      // As AWS documents for logging to CloudWatch Logs: log delivery is set up through
      // account-level APIs that take no resource, so these hold for a log group the stack creates
      // and an existing one alike (https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html).
      grants.add(new Grant(IamStatement.allowOnAnyResource(List.of(
          "logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:DescribeLogGroups", "logs:DescribeResourcePolicies",
          "logs:GetLogDelivery", "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:UpdateLogDelivery"),
          "CloudWatch Logs log delivery for Step Functions is managed through APIs that take no resource"),
          "logging", null, "CloudWatchLogsDelivery"));
    }
    if (spec.tracing()) {
      grants.add(new Grant(IamStatement.allowOnAnyResource(List.of(
          "xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"),
          "X-Ray accepts trace data for the account as a whole, not for a resource"), "tracing", null, "XRayTracing"));
    }
    distributedMaps(definition.json(), "", grants, problems);
    if (spec.encryption() != null) {
      grants.addAll(EncryptionTemplate.executionRoleGrants(spec.encryption(), logging));
    }
    return grants;
  }

  // Each distributed Map needs to start its child executions and to read and write S3.
  private void distributedMaps(JsonNode node, String pointer, List<Grant> grants, Problems problems) {
    if (node.isObject()) {
      JsonNode mode = node.path("ItemProcessor").path("ProcessorConfig").path("Mode");
      if ("Map".equals(node.path("Type").asText()) && "DISTRIBUTED".equals(mode.asText())) {
        String state = pointer.substring(pointer.lastIndexOf('/') + 1).replace("~1", "/").replace("~0", "~");
        DistributedMapGrants.add(node, pointer, sourceOf(pointer), built.permissions().containsKey(state), grants, problems);
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        distributedMaps(field.getValue(), JsonPointers.child(pointer, field.getKey()), grants, problems);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        distributedMaps(node.get(i), JsonPointers.child(pointer, i), grants, problems);
      }
    }
  }

  // A task without permissions deploys fine and fails on its first run with AccessDenied.
  private void checkTaskPermissions(TemplateContext context) {
    Map<String, String> statePointers = new TreeMap<>(DefinitionCompiler.statePointers(definition.definition()));
    for (Map.Entry<String, String> entry : statePointers.entrySet()) {
      String state = entry.getKey();
      String pointer = entry.getValue();
      JsonNode node = definition.json().at(pointer);
      String resource = node.path("Resource").asText("");
      boolean task = "Task".equals(node.path("Type").asText());
      boolean activity = resource.contains(":activity:");
      if (task && !activity && built.permissions().getOrDefault(state, List.of()).isEmpty()) {
        context.problems.add(Problem.warning(ProblemCode.MISSING_TASK_PERMISSIONS, JsonPointers.child(pointer, "Resource"),
            "task " + state + " calls " + resource + " but declares no IAM permission, so the execution role will not "
                + "allow the call; use a typed integration with Task.call(...), or add Task.permissions(...)")
            .at(built.sources().get(state)));
      }
    }
  }

  private void writeOutputs(ObjectNode template, TemplateContext context) {
    ObjectNode outputs = template.putObject("Outputs");
    output(outputs, "StateMachineArn", "ARN of the state machine", TemplateJson.ref(STATE_MACHINE), true);
    output(outputs, "StateMachineName", "Name of the state machine", TemplateJson.getAtt(STATE_MACHINE, "Name"), true);
    if (spec.publishesVersions()) {
      output(outputs, "StateMachineVersionArn", "ARN of the version published last", TemplateJson.ref(ReleaseTemplate.VERSION), true);
      if (spec.alias() != null) {
        // Callers start the workflow through the alias, so that deployments reach them.
        output(outputs, "StateMachineAliasArn", "ARN of alias " + spec.alias(), TemplateJson.ref(ReleaseTemplate.ALIAS), true);
      }
    }
    for (Output output : spec.outputs()) {
      String pointer = JsonPointers.child("/Outputs", output.name());
      if (!ParameterRules.isValidLogicalId(output.name())) {
        context.error(ProblemCode.INVALID_LOGICAL_ID, pointer, "output name '" + output.name()
            + "' must be 1 to 255 letters and digits; rename it");
        continue;
      }
      if (outputs.has(output.name())) {
        context.error(ProblemCode.DUPLICATE_LOGICAL_ID, pointer, "two outputs are named '" + output.name()
            + "' (StateMachineArn and StateMachineName are always there, StateMachineVersionArn and "
            + "StateMachineAliasArn with a version and an alias); rename one");
        continue;
      }
      output(outputs, output.name(), output.description(), TemplateJson.value(output.value()), output.isExported());
    }
  }

  private static void output(ObjectNode outputs, String name, String description, JsonNode value, boolean exported) {
    ObjectNode output = outputs.putObject(name);
    if (description != null) {
      output.put("Description", description);
    }
    output.set("Value", value);
    if (exported) {
      output.putObject("Export").set("Name", TemplateJson.stackNamed(name));
    }
  }

  private void writeMetadata(ObjectNode metadata, TemplateContext context) {
    List<ParameterGroup> groups = spec.parameterGroups();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Parameter p : parameters.values()) {
      if (p.label() != null) {
        labels.put(p.name(), p.label());
      }
    }
    if (!groups.isEmpty() || !labels.isEmpty()) {
      ObjectNode face = metadata.putObject("AWS::CloudFormation::Interface");
      if (!groups.isEmpty()) {
        ArrayNode groupArray = face.putArray("ParameterGroups");
        Set<String> grouped = new HashSet<>();
        for (ParameterGroup group : groups) {
          for (Parameter parameter : group.parameters()) {
            if (!grouped.add(parameter.name())) {
              context.error(ProblemCode.DUPLICATE_LOGICAL_ID, "/Metadata/AWS::CloudFormation::Interface/ParameterGroups",
                  "parameter " + parameter.name() + " is in two parameter groups; the console shows it once, so keep it in one");
            }
          }
          ObjectNode node = groupArray.addObject();
          node.putObject("Label").put("default", group.label());
          ArrayNode names = node.putArray("Parameters");
          for (Parameter p : group.parameters()) {
            names.add(p.name());
          }
        }
      }
      if (!labels.isEmpty()) {
        ObjectNode labelNode = face.putObject("ParameterLabels");
        for (Map.Entry<String, String> label : labels.entrySet()) {
          labelNode.putObject(label.getKey()).put("default", label.getValue());
        }
      }
    }
    if (!context.wildcardReasons.isEmpty()) {
      ObjectNode reasons = metadata.putObject("Statecraft::IamWildcards");
      for (Map.Entry<String, Map<String, String>> owner : context.wildcardReasons.entrySet()) {
        ObjectNode ownerNode = reasons.putObject(owner.getKey());
        for (Map.Entry<String, String> bySid : owner.getValue().entrySet()) {
          ownerNode.put(bySid.getKey(), bySid.getValue());
        }
      }
    }
  }

  // Every Ref, Fn::GetAtt and Fn::Sub reference must name a parameter, a resource or a pseudo parameter.
  private static Map<String, List<String>> checkReferences(ObjectNode template, TemplateContext context) {
    Map<String, List<String>> used = new LinkedHashMap<>();
    Set<String> parameterNames = fieldNames(template.path("Parameters"));
    Set<String> resourceNames = fieldNames(template.path("Resources"));
    for (String section : List.of("Conditions", "Resources", "Outputs")) {
      JsonNode node = template.path(section);
      if (!node.isMissingNode()) {
        walkReferences(node, "/" + section, parameterNames, resourceNames, used, context);
      }
    }
    return used;
  }

  private static void walkReferences(JsonNode node, String pointer, Set<String> parameterNames,
      Set<String> resourceNames, Map<String, List<String>> used, TemplateContext context) {
    if (node.isObject()) {
      if (pointer.endsWith("/Properties/Definition")) {
        return; // the definition is the state machine's, with placeholders rather than references
      }
      if (node.size() == 1 && node.has("Ref") && node.get("Ref").isTextual()) {
        String name = node.get("Ref").textValue();
        use(used, name, pointer);
        if (!name.startsWith("AWS::") && !parameterNames.contains(name) && !resourceNames.contains(name)
            && !context.missingPlaceholders.contains(name)) {
          context.error(ProblemCode.UNKNOWN_REFERENCE, JsonPointers.child(pointer, "Ref"), "Ref names '" + name
              + "', which is neither a parameter nor a resource of the template; declare it in the WorkflowSpec");
        }
        return;
      }
      if (node.size() == 1 && node.has("Fn::GetAtt")) {
        String name = node.get("Fn::GetAtt").path(0).asText();
        if (!resourceNames.contains(name)) {
          context.error(ProblemCode.UNKNOWN_REFERENCE, JsonPointers.child(pointer, "Fn::GetAtt"), "Fn::GetAtt names '"
              + name + "', which is not a resource of the template; declare it in WorkflowSpec.resources(...)");
        }
        return;
      }
      if (node.size() == 1 && node.has("Fn::Sub") && node.get("Fn::Sub").isArray()) {
        // A text with a variable map: the variables are its own, their values ordinary references.
        JsonNode variables = node.get("Fn::Sub").path(1);
        ObjectNode text = TemplateJson.NODES.objectNode();
        String remaining = node.get("Fn::Sub").path(0).asText();
        for (String reference : TemplateJson.subReferences(remaining)) {
          if (variables.has(reference)) {
            remaining = remaining.replace("${" + reference + "}", "");
          }
        }
        text.put("Fn::Sub", remaining);
        walkReferences(text, pointer, parameterNames, resourceNames, used, context);
        walkReferences(variables, JsonPointers.child(JsonPointers.child(pointer, "Fn::Sub"), 1), parameterNames,
            resourceNames, used, context);
        return;
      }
      if (node.size() == 1 && node.has("Fn::Sub") && node.get("Fn::Sub").isTextual()) {
        for (String reference : TemplateJson.subReferences(node.get("Fn::Sub").textValue())) {
          int dot = reference.indexOf('.');
          String name = dot < 0 ? reference : reference.substring(0, dot);
          use(used, name, pointer);
          boolean known = name.startsWith("AWS::") || resourceNames.contains(name)
              || dot < 0 && parameterNames.contains(name);
          boolean reportedAlready = dot < 0 && context.missingPlaceholders.contains(name);
          if (!known && !reportedAlready) {
            context.error(ProblemCode.UNKNOWN_REFERENCE, JsonPointers.child(pointer, "Fn::Sub"), "${" + reference
                + "} names '" + name + "', which is not a " + (dot < 0 ? "parameter or " : "") + "resource of the "
                + "template; declare it in the WorkflowSpec, or write ${!" + reference + "} for the literal text");
          }
        }
        return;
      }
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        walkReferences(field.getValue(), JsonPointers.child(pointer, field.getKey()), parameterNames, resourceNames,
            used, context);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walkReferences(node.get(i), JsonPointers.child(pointer, i), parameterNames, resourceNames, used, context);
      }
    }
  }

  private static void use(Map<String, List<String>> used, String name, String pointer) {
    List<String> pointers = used.get(name);
    if (pointers == null) {
      pointers = new ArrayList<>();
      used.put(name, pointers);
    }
    pointers.add(pointer);
  }

  // A NoEcho value is masked by CloudFormation, but not by the resource it is handed to: only a
  // connection's authorization keeps it secret.
  private void checkSecretsStaySecret(Map<String, List<String>> used, TemplateContext context) {
    for (Parameter parameter : parameters.values()) {
      if (!parameter.isNoEcho()) {
        continue;
      }
      for (String pointer : used.getOrDefault(parameter.name(), List.of())) {
        boolean inConnection = pointer.matches("/Resources/[^/]+/Properties/AuthParameters/.*");
        boolean inDefinition = pointer.contains("/Properties/DefinitionSubstitutions/");
        boolean inCondition = pointer.startsWith("/Conditions/"); // compared, never shown
        if (!inConnection && !inDefinition && !inCondition) {
          context.error(ProblemCode.NOECHO_EXPOSED, pointer, "parameter " + parameter.name() + " is NoEcho (a secret), "
              + "but this property shows its value to anyone who can read the resource; use it only as a secret of "
              + "an HttpConnection");
        }
      }
    }
  }

  // IAM limits the inline policies of a role to 10,240 characters in all (without whitespace).
  private static void checkInlinePolicySizes(ObjectNode template, TemplateContext context) {
    Iterator<Map.Entry<String, JsonNode>> resources = template.path("Resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      JsonNode policies = resource.getValue().path("Properties").path("Policies");
      if (!"AWS::IAM::Role".equals(resource.getValue().path("Type").asText()) || !policies.isArray()) {
        continue;
      }
      int characters = 0;
      for (JsonNode policy : policies) {
        characters += TemplateJson.compact(policy.path("PolicyDocument")).length();
      }
      if (characters > MAX_INLINE_POLICY_CHARACTERS) {
        context.error(ProblemCode.TOO_LARGE, JsonPointers.child(JsonPointers.child("/Resources", resource.getKey()),
            "Properties") + "/Policies", "the inline policies of role " + resource.getKey() + " take about "
            + characters + " characters, over IAM's " + MAX_INLINE_POLICY_CHARACTERS + " for a role; grant on "
            + "fewer, broader resources (an ARN pattern) or split the workflow");
      }
    }
  }

  private void checkUnusedParameters(Set<String> used, TemplateContext context) {
    for (Parameter parameter : parameters.values()) {
      String name = parameter.name();
      if (!used.contains(name)) {
        context.warning(ProblemCode.UNUSED_PARAMETER, JsonPointers.child("/Parameters", name), "parameter " + name
            + " is declared but used nowhere; use it with ref() in the state machine or in a resource, or remove it");
      }
    }
  }

  private void checkLimits(ObjectNode template, TemplateContext context) {
    int definitionBytes = definition.text().getBytes(StandardCharsets.UTF_8).length;
    if (definitionBytes > AslValidator.MAX_DEFINITION_BYTES) {
      context.error(ProblemCode.TOO_LARGE, TemplateContext.pointer(STATE_MACHINE, "Properties", "Definition"),
          "the definition is " + definitionBytes + " bytes, over Step Functions' limit of " + AslValidator.MAX_DEFINITION_BYTES
              + "; move parts into nested state machines");
    }
    int templateBytes = CanonicalJson.write(template).getBytes(StandardCharsets.UTF_8).length;
    if (templateBytes > MAX_TEMPLATE_BYTES) {
      context.error(ProblemCode.TOO_LARGE, JsonPointers.ROOT, "the template is " + templateBytes
          + " bytes, over CloudFormation's limit of " + MAX_TEMPLATE_BYTES + " for a template in S3");
    }
    limit(context, template, "Parameters", 200);
    limit(context, template, "Resources", 500);
    limit(context, template, "Outputs", 200);
  }

  private static void limit(TemplateContext context, ObjectNode template, String section, int max) {
    int count = template.path(section).size();
    if (count > max) {
      context.error(ProblemCode.TOO_MANY, "/" + section, "the template has " + count + " " + section.toLowerCase(Locale.ROOT)
          + ", over CloudFormation's limit of " + max);
    }
  }
}
