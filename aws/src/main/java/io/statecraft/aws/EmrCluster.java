package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Value;
import io.statecraft.iam.IamCatalog;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.emr.model.InstanceFleetModifyConfig;
import software.amazon.awssdk.services.emr.model.InstanceGroupModifyConfig;
import software.amazon.awssdk.services.emr.model.StepConfig;

/**
 * Calls on a running EMR cluster through Step Functions' optimized EMR integration
 * ({@code arn:aws:states:::elasticmapreduce:addStep.sync}, ...). These APIs are Step Functions' own
 * wrappers, not EMR's: one {@code Step} where {@code AddJobFlowSteps} takes a list, {@code ClusterId}
 * where EMR takes {@code JobFlowIds}, instance fleets and groups by name
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html). The cluster itself is
 * created with {@code AwsSdk.optimized(RunJobFlowRequest...)} ({@code elasticmapreduce:createCluster}).
 *
 * <pre>{@code
 * EmrCluster cluster = EmrCluster.id(Path.input().field("ClusterId"));
 * Task.named("RunHive").call(cluster.addStep(StepConfig.builder().name("hive")
 *     .hadoopJarStep(j -> j.jar("command-runner.jar").args("hive-script", "--run-hive-script")).build()).sync());
 * Task.named("Terminate").call(cluster.terminate().sync());
 * }</pre>
 *
 * <p>Each call grants what AWS's page writes for it (https://docs.aws.amazon.com/step-functions/latest/dg/emr-iam.html),
 * on the cluster: {@code cluster/<id>} written out or from a placeholder, {@code cluster/*} of the stack's
 * account when the id is known only at run time. EMR's error names are not documented by AWS; their
 * prefix is {@code EMR} ({@link Call#error(String)}).
 */
public final class EmrCluster {

  private static final String PAGE = "https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html";

  private final Value clusterId;

  private EmrCluster(Value clusterId) {
    this.clusterId = clusterId;
  }

  /** The cluster by id ({@code j-...}): written out, a placeholder, or a run-time value such as createCluster's {@code $.ClusterId}. */
  public static EmrCluster id(Value clusterId) {
    return new EmrCluster(Objects.requireNonNull(clusterId, "clusterId == null"));
  }

  /** The cluster with this id written out, such as {@code j-1ABCDEFGHIJKL}. */
  public static EmrCluster id(String clusterId) {
    return id(Value.of(clusterId));
  }

  /** {@code addStep}: one step; {@code .sync} waits until it ends. */
  public Call addStep(StepConfig step) {
    Objects.requireNonNull(step, "step == null");
    return call(Kind.ADD_STEP, Map.entry("Step", SdkJson.object(step, "Step")));
  }

  /** {@code cancelStep}: a pending step, by its id (addStep's {@code $.StepId}). */
  public Call cancelStep(Value stepId) {
    return call(Kind.CANCEL_STEP, Map.entry("StepId", Objects.requireNonNull(stepId, "stepId == null")));
  }

  /** {@code terminateCluster}; {@code .sync} waits until the cluster has terminated. */
  public Call terminate() {
    return call(Kind.TERMINATE_CLUSTER);
  }

  /** {@code setClusterTerminationProtection}. */
  public Call terminationProtection(boolean on) {
    return call(Kind.SET_TERMINATION_PROTECTION, Map.entry("TerminationProtected", Value.of(on)));
  }

  /**
   * {@code modifyInstanceFleetByName}: the fleet is found by name, so {@code InstanceFleetId} is left out.
   *
   * @throws IllegalArgumentException when the configuration sets {@code InstanceFleetId}
   */
  public Call modifyInstanceFleetByName(String fleetName, InstanceFleetModifyConfig fleet) {
    Objects.requireNonNull(fleet, "fleet == null");
    ObjectValue config = withoutId(SdkJson.object(fleet, "InstanceFleet"), "InstanceFleetId", Kind.MODIFY_FLEET);
    return call(Kind.MODIFY_FLEET, Map.entry("InstanceFleetName", Value.of(fleetName)), Map.entry("InstanceFleet", config));
  }

  /**
   * {@code modifyInstanceGroupByName}: the group is found by name, so {@code InstanceGroupId} is left out.
   *
   * @throws IllegalArgumentException when the configuration sets {@code InstanceGroupId}
   */
  public Call modifyInstanceGroupByName(String groupName, InstanceGroupModifyConfig group) {
    Objects.requireNonNull(group, "group == null");
    ObjectValue config = withoutId(SdkJson.object(group, "InstanceGroup"), "InstanceGroupId", Kind.MODIFY_GROUP);
    return call(Kind.MODIFY_GROUP, Map.entry("InstanceGroupName", Value.of(groupName)), Map.entry("InstanceGroup", config));
  }

  private static ObjectValue withoutId(ObjectValue config, String idMember, Kind kind) {
    if (config.get(idMember) != null) {
      throw new IllegalArgumentException("elasticmapreduce:" + kind.action + " finds the " + kind.what + " by name; "
          + "leave " + idMember + " out of the configuration (" + PAGE + ")");
    }
    return config;
  }

  @SafeVarargs
  private Call call(Kind kind, Map.Entry<String, ? extends Value>... fields) {
    Map<String, Value> payload = new LinkedHashMap<>();
    payload.put("ClusterId", clusterId);
    for (Map.Entry<String, ? extends Value> field : fields) {
      payload.put(field.getKey(), field.getValue());
    }
    return new Call(kind, new ObjectValue(payload), IntegrationPattern.REQUEST_RESPONSE);
  }

  /** The optimized EMR APIs on a cluster, each with what emr-iam.html grants for it. */
  private enum Kind {
    ADD_STEP("addStep", "step", List.of("AddJobFlowSteps"), List.of("DescribeStep", "CancelSteps"),
        "StepFunctionsGetEventForEMRAddJobFlowStepsRule"),
    CANCEL_STEP("cancelStep", "step", List.of("CancelSteps"), List.of(), ""),
    TERMINATE_CLUSTER("terminateCluster", "cluster", List.of("TerminateJobFlows"), List.of("DescribeCluster"),
        "StepFunctionsGetEventForEMRTerminateJobFlowsRule"),
    SET_TERMINATION_PROTECTION("setClusterTerminationProtection", "cluster", List.of("SetTerminationProtection"),
        List.of(), ""),
    // ListInstanceFleets/Groups: the integration looks the fleet or group up by name.
    MODIFY_FLEET("modifyInstanceFleetByName", "instance fleet", List.of("ModifyInstanceFleet", "ListInstanceFleets"),
        List.of(), ""),
    MODIFY_GROUP("modifyInstanceGroupByName", "instance group", List.of("ModifyInstanceGroups", "ListInstanceGroups"),
        List.of(), "");

    final String action;
    final String what;
    final List<String> actions;
    final List<String> syncActions;
    final String rule;

    Kind(String action, String what, List<String> actions, List<String> syncActions, String rule) {
      this.action = action;
      this.what = what;
      this.actions = actions;
      this.syncActions = syncActions;
      this.rule = rule;
    }

    Set<IntegrationPattern> patterns() {
      return syncActions.isEmpty() ? EnumSet.of(IntegrationPattern.REQUEST_RESPONSE)
          : EnumSet.of(IntegrationPattern.REQUEST_RESPONSE, IntegrationPattern.RUN_JOB);
    }
  }

  /** One call on the cluster, an {@link Integration} for {@code Task.call(...)}. */
  public static final class Call implements Integration {

    private final Kind kind;
    private final ObjectValue payload;
    private final IntegrationPattern pattern;

    private Call(Kind kind, ObjectValue payload, IntegrationPattern pattern) {
      this.kind = kind;
      this.payload = payload;
      this.pattern = pattern;
    }

    /** A copy that waits for the step to end or the cluster to terminate ({@code .sync}): addStep, terminateCluster. */
    public Call sync() {
      OptimizedCall.requirePattern("elasticmapreduce:" + kind.action, kind.patterns(), IntegrationPattern.RUN_JOB, PAGE);
      return new Call(kind, payload, IntegrationPattern.RUN_JOB);
    }

    /** The error name a failed call raises: {@code EMR.<exceptionName>} (AWS documents none; see the catalogue). */
    public String error(String exceptionName) {
      return "EMR." + Objects.requireNonNull(exceptionName, "exceptionName == null");
    }

    @Override
    public String resource() {
      return "arn:aws:states:::elasticmapreduce:" + kind.action + pattern.suffix();
    }

    @Override
    public ObjectValue payload() {
      return payload;
    }

    @Override
    public IntegrationPattern pattern() {
      return pattern;
    }

    /** The call's actions on the cluster, and with {@code .sync} the describe actions and the rule. */
    @Override
    public List<IamStatement> iamStatements() {
      IamStatement own = SdkPermissions.statement(
          IamCatalog.standard().action("elasticmapreduce", kind.actions.get(0)).orElseThrow(), payload);
      List<String> actions = kind.actions.stream().map(action -> "elasticmapreduce:" + action).toList();
      if (pattern != IntegrationPattern.RUN_JOB) {
        return List.of(IamStatement.allow(actions, own.resources()));
      }
      return List.of(IamStatement.allow(actions, own.resources()),
          IamStatement.allow(kind.syncActions.stream().map(action -> "elasticmapreduce:" + action).toList(),
              own.resources()),
          OptimizedCall.rule(kind.rule));
    }

    @Override
    public String toString() {
      return resource();
    }
  }
}
