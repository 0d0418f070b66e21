package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.workflow.Deployment;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.VersionWeight;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The published version of the state machine and the alias that points at it, moved to each new
 * version at once or gradually ({@link Deployment}), or splitting its executions between the
 * published version and another by fixed weights ({@link VersionWeight}), with the checks
 * CloudFormation and Step Functions would otherwise make at deploy time.
 */
final class ReleaseTemplate {

  static final String VERSION = "StateMachineVersion";
  static final String ALIAS = "StateMachineAlias";

  /**
   * CreateStateMachineAlias: 1 to 80 letters, digits, {@code _}, {@code -} and {@code .}, not all
   * digits (which would read as a version number)
   * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html).
   */
  static final Pattern ALIAS_NAME = Pattern.compile("(?=.*[a-zA-Z_\\-.])[a-zA-Z0-9_\\-.]{1,80}");
  static final int MIN_PERCENT = 1;
  static final int MAX_PERCENT = 99;
  static final int MAX_INTERVAL_MINUTES = 2100;
  static final int MAX_ALARMS = 100;
  /** An alias routes to one or two versions of the same state machine. */
  static final int MAX_ROUTED_VERSIONS = 2;
  /** A qualified state machine ARN whose qualifier is a version number. */
  static final Pattern VERSION_ARN = Pattern.compile("arn:[a-z-]+:states:[a-z0-9-]+:\\d{12}:stateMachine:[^:]+:\\d+");

  private ReleaseTemplate() {}

  /**
   * The logical id a trigger starts the workflow through: the alias when there is one, since
   * StartExecution takes an alias ARN and runs the version the alias routes to
   * (https://docs.aws.amazon.com/step-functions/latest/dg/execution-alias-version-associate.html),
   * the state machine otherwise.
   */
  static String startTarget(TemplateContext context) {
    return context.aliasName == null ? TemplateGenerator.STATE_MACHINE : ALIAS;
  }

  /**
   * Writes the version and the alias the workflow asks for. The version's
   * {@code StateMachineRevisionId} is the state machine's current revision, so CloudFormation
   * replaces it (publishes a new version) when, and only when, the definition or settings change
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachineversion.html).
   */
  static void write(TemplateContext context, WorkflowSpec spec) {
    if (spec.alias() == null && spec.deployment() != null) {
      context.error(ProblemCode.INVALID_ALIAS, TemplateContext.pointer(ALIAS), "a deployment moves an alias, but the "
          + "workflow has none; add .alias(\"live\") (and .publishVersion())");
    }
    if (spec.alias() != null && !spec.publishesVersions()) {
      context.error(ProblemCode.INVALID_ALIAS, TemplateContext.pointer(ALIAS), "alias '" + spec.alias() + "' points at "
          + "a published version, but the workflow publishes none; add .publishVersion()");
    }
    if (spec.alias() == null && !spec.routing().isEmpty()) {
      context.error(ProblemCode.INVALID_ROUTING, TemplateContext.pointer(ALIAS), "routing splits an alias's executions "
          + "between versions, but the workflow has no alias; add .alias(\"live\") (and .publishVersion())");
    }
    if (!spec.publishesVersions()) {
      return;
    }
    ObjectNode version = context.resource(VERSION, "AWS::StepFunctions::StateMachineVersion");
    version.set("StateMachineArn", TemplateJson.ref(TemplateGenerator.STATE_MACHINE));
    version.set("StateMachineRevisionId", TemplateJson.getAtt(TemplateGenerator.STATE_MACHINE, "StateMachineRevisionId"));
    version.put("Description", spec.versionDescription());
    if (spec.alias() == null) {
      return;
    }
    ObjectNode alias = context.resource(ALIAS, "AWS::StepFunctions::StateMachineAlias");
    if (!ALIAS_NAME.matcher(spec.alias()).matches()) {
      context.error(ProblemCode.INVALID_ALIAS, TemplateContext.pointer(ALIAS, "Properties", "Name"), "alias name '"
          + spec.alias() + "' must be 1 to 80 letters, digits, _, - and ., and not only digits (those name versions)");
    }
    alias.put("Name", spec.alias());
    Deployment deployment = spec.deployment();
    if (deployment != null && !spec.routing().isEmpty()) {
      // AWS::StepFunctions::StateMachineAlias: "RoutingConfiguration and DeploymentPreference are
      // mutually exclusive properties. You must define only one of these properties."
      // https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-stepfunctions-statemachinealias.html
      context.error(ProblemCode.INVALID_ROUTING, TemplateContext.pointer(ALIAS, "Properties", "RoutingConfiguration"),
          "alias '" + spec.alias() + "' has both a routing and a deployment, which CloudFormation rejects; keep "
              + ".routing(...) for a fixed split or .deployment(...) to move to each new version");
    }
    if (deployment == null || !spec.routing().isEmpty()) {
      routing(context, spec, alias);
    }
    if (deployment == null) {
      return;
    }
    ObjectNode preference = alias.putObject("DeploymentPreference");
    preference.set("StateMachineVersionArn", TemplateJson.ref(VERSION));
    preference.put("Type", deployment.type().name());
    String pointer = TemplateContext.pointer(ALIAS, "Properties", "DeploymentPreference");
    if (deployment.type() != Deployment.Type.ALL_AT_ONCE) {
      int percent = deployment.percent();
      if (percent < MIN_PERCENT || percent > MAX_PERCENT) {
        context.error(ProblemCode.INVALID_DEPLOYMENT, pointer + "/Percentage", "a " + deployment.type() + " deployment "
            + "shifts " + MIN_PERCENT + " to " + MAX_PERCENT + " percent of executions at a time, not " + percent);
      }
      preference.put("Percentage", percent);
      Duration interval = deployment.interval();
      long minutes = interval.toMinutes();
      if (!interval.equals(Duration.ofMinutes(minutes)) || minutes < 1 || minutes > MAX_INTERVAL_MINUTES) {
        context.error(ProblemCode.INVALID_DEPLOYMENT, pointer + "/Interval", "the interval between steps is whole "
            + "minutes from 1 to " + MAX_INTERVAL_MINUTES + ", not " + interval + "; use Duration.ofMinutes(n)");
      }
      preference.put("Interval", minutes);
    }
    if (deployment.alarms().size() > MAX_ALARMS) {
      context.error(ProblemCode.INVALID_DEPLOYMENT, pointer + "/Alarms", "a deployment watches at most " + MAX_ALARMS
          + " alarms, not " + deployment.alarms().size());
    }
    if (!deployment.alarms().isEmpty()) {
      ArrayNode alarms = preference.putArray("Alarms");
      for (TemplateValue alarm : deployment.alarms()) {
        alarms.add(TemplateJson.value(alarm));
      }
    }
  }

  /**
   * The alias's {@code RoutingConfiguration}: all executions to the published version, or the
   * split the workflow gives, checked as CloudFormation and Step Functions check it: one or two
   * versions of this state machine, each weight 0 to 100, the weights adding up to 100
   * (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-stepfunctions-statemachinealias-routingconfigurationversion.html,
   * https://docs.aws.amazon.com/step-functions/latest/apireference/API_RoutingConfigurationListItem.html).
   */
  private static void routing(TemplateContext context, WorkflowSpec spec, ObjectNode alias) {
    List<VersionWeight> weights = spec.routing().isEmpty() ? List.of(VersionWeight.publishedVersion(100)) : spec.routing();
    String pointer = TemplateContext.pointer(ALIAS, "Properties", "RoutingConfiguration");
    if (weights.size() > MAX_ROUTED_VERSIONS) {
      context.error(ProblemCode.INVALID_ROUTING, pointer, "an alias routes to at most " + MAX_ROUTED_VERSIONS
          + " versions, not " + weights.size() + "; keep the published version and one other");
    }
    ArrayNode routing = alias.putArray("RoutingConfiguration");
    Set<JsonNode> versions = new HashSet<>();
    int sum = 0;
    for (int i = 0; i < weights.size(); i++) {
      VersionWeight weight = weights.get(i);
      JsonNode version = weight.isPublishedVersion() ? TemplateJson.ref(VERSION) : TemplateJson.value(weight.versionArn());
      String itemPointer = JsonPointers.child(pointer, i);
      if (!versions.add(version)) {
        context.error(ProblemCode.INVALID_ROUTING, JsonPointers.child(itemPointer, "StateMachineVersionArn"), "the "
            + "routing names " + describe(weight) + " twice; route to two different versions, or to one with weight 100");
      }
      if (weight.versionArn() instanceof TemplateValue.Text text && !VERSION_ARN.matcher(text.value()).matches()) {
        context.error(ProblemCode.INVALID_ROUTING, JsonPointers.child(itemPointer, "StateMachineVersionArn"), "'"
            + text.value() + "' is not a state machine version ARN (arn:aws:states:REGION:ACCOUNT:stateMachine:NAME:N); "
            + "give a version's ARN, usually as a parameter");
      }
      if (weight.weight() < 0 || weight.weight() > 100) {
        context.error(ProblemCode.INVALID_ROUTING, JsonPointers.child(itemPointer, "Weight"), "a version's weight is a "
            + "percentage from 0 to 100, not " + weight.weight());
      }
      sum += weight.weight();
      ObjectNode item = routing.addObject();
      item.set("StateMachineVersionArn", version);
      item.put("Weight", weight.weight());
    }
    if (sum != 100) {
      context.error(ProblemCode.INVALID_ROUTING, pointer, "the routing's weights add up to " + sum + ", but Step "
          + "Functions needs them to add up to 100; adjust the percentages");
    }
  }

  private static String describe(VersionWeight weight) {
    return weight.isPublishedVersion() ? "the published version" : "version " + weight.versionArn().inSub();
  }
}
