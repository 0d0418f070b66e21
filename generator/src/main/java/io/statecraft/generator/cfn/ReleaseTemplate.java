package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.dsl.workflow.Deployment;
import io.statecraft.dsl.workflow.TemplateValue;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The published version of the state machine and the alias that points at it, moved to each new
 * version at once or gradually ({@link Deployment}), with the checks CloudFormation and Step
 * Functions would otherwise make at deploy time.
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

  private ReleaseTemplate() {}

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
    if (deployment == null) {
      ArrayNode routing = alias.putArray("RoutingConfiguration");
      ObjectNode only = routing.addObject();
      only.set("StateMachineVersionArn", TemplateJson.ref(VERSION));
      only.put("Weight", 100);
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
}
