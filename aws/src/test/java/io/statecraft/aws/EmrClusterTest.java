package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emr.model.ActionOnFailure;
import software.amazon.awssdk.services.emr.model.InstanceFleetModifyConfig;
import software.amazon.awssdk.services.emr.model.InstanceGroupModifyConfig;
import software.amazon.awssdk.services.emr.model.StepConfig;

/** connect-emr.html (the requests) and emr-iam.html (the grants), call by call. */
class EmrClusterTest {

  private static final String CLUSTER = "arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}:cluster/";
  private static final List<String> RULE_ACTIONS = List.of("events:PutTargets", "events:PutRule", "events:DescribeRule");
  private static final String RULES = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";

  private final EmrCluster cluster = EmrCluster.id(Path.input().field("ClusterId"));

  @Test
  void addStepTakesOneStepAndSyncFollowsIt() {
    EmrCluster.Call step = cluster.addStep(StepConfig.builder().name("The first step")
        .actionOnFailure(ActionOnFailure.CONTINUE)
        .hadoopJarStep(j -> j.jar("command-runner.jar").args("hive-script", "--run-hive-script")).build()).sync();

    assertThat(step.resource()).isEqualTo("arn:aws:states:::elasticmapreduce:addStep.sync");
    assertThat(Definitions.parameters(step)).isEqualTo("{\"ClusterId.$\":\"$.ClusterId\",\"Step\":{"
        + "\"Name\":\"The first step\",\"ActionOnFailure\":\"CONTINUE\",\"HadoopJarStep\":{\"Jar\":\"command-runner.jar\","
        + "\"Args\":[\"hive-script\",\"--run-hive-script\"]}}}");
    assertThat(step.iamStatements()).containsExactly(
        IamStatement.allow("elasticmapreduce:AddJobFlowSteps", CLUSTER + "*"),
        IamStatement.allow(List.of("elasticmapreduce:DescribeStep", "elasticmapreduce:CancelSteps"), List.of(CLUSTER + "*")),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventForEMRAddJobFlowStepsRule")));
    assertThat(step.error("InternalServerError")).isEqualTo("EMR.InternalServerError");
  }

  @Test
  void aClusterNamedBeforeRunTimeIsGrantedExactly() {
    EmrCluster known = EmrCluster.id(Placeholder.string("ClusterId"));
    assertThat(known.terminate().sync().iamStatements()).containsExactly(
        IamStatement.allow("elasticmapreduce:TerminateJobFlows", CLUSTER + "${ClusterId}"),
        IamStatement.allow("elasticmapreduce:DescribeCluster", CLUSTER + "${ClusterId}"),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventForEMRTerminateJobFlowsRule")));
    assertThat(EmrCluster.id("j-1234567890123").terminationProtection(true).iamStatements()).containsExactly(
        IamStatement.allow("elasticmapreduce:SetTerminationProtection", CLUSTER + "j-1234567890123"));
    assertThat(Definitions.parameters(EmrCluster.id("j-1234567890123").terminationProtection(true)))
        .isEqualTo("{\"ClusterId\":\"j-1234567890123\",\"TerminationProtected\":true}");
  }

  @Test
  void cancelStepIsRequestResponseOnly() {
    EmrCluster.Call cancel = cluster.cancelStep(Path.input().field("StepId"));
    assertThat(cancel.resource()).isEqualTo("arn:aws:states:::elasticmapreduce:cancelStep");
    assertThat(cancel.iamStatements()).containsExactly(IamStatement.allow("elasticmapreduce:CancelSteps", CLUSTER + "*"));
    assertThatThrownBy(cancel::sync).hasMessage("the optimized elasticmapreduce:cancelStep integration supports "
        + "request-response, not .sync (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html)");
  }

  @Test
  void fleetsAndGroupsAreModifiedByName() {
    EmrCluster.Call fleet = EmrCluster.id("j-1234567890123").modifyInstanceFleetByName("MyCoreFleet",
        InstanceFleetModifyConfig.builder().targetOnDemandCapacity(8).targetSpotCapacity(0).build());
    assertThat(Definitions.parameters(fleet)).isEqualTo("{\"ClusterId\":\"j-1234567890123\",\"InstanceFleetName\":"
        + "\"MyCoreFleet\",\"InstanceFleet\":{\"TargetOnDemandCapacity\":8,\"TargetSpotCapacity\":0}}");
    assertThat(fleet.iamStatements()).containsExactly(IamStatement.allow(
        List.of("elasticmapreduce:ModifyInstanceFleet", "elasticmapreduce:ListInstanceFleets"),
        List.of(CLUSTER + "j-1234567890123")));

    EmrCluster.Call group = EmrCluster.id("j-1234567890123").modifyInstanceGroupByName("MyCoreGroup",
        InstanceGroupModifyConfig.builder().instanceCount(8).build());
    assertThat(group.resource()).isEqualTo("arn:aws:states:::elasticmapreduce:modifyInstanceGroupByName");
    assertThat(Definitions.parameters(group)).isEqualTo("{\"ClusterId\":\"j-1234567890123\",\"InstanceGroupName\":"
        + "\"MyCoreGroup\",\"InstanceGroup\":{\"InstanceCount\":8}}");
    assertThat(group.iamStatements()).containsExactly(IamStatement.allow(
        List.of("elasticmapreduce:ModifyInstanceGroups", "elasticmapreduce:ListInstanceGroups"),
        List.of(CLUSTER + "j-1234567890123")));

    assertThatThrownBy(() -> cluster.modifyInstanceGroupByName("MyCoreGroup",
        InstanceGroupModifyConfig.builder().instanceGroupId("ig-1").instanceCount(8).build()))
        .hasMessage("elasticmapreduce:modifyInstanceGroupByName finds the instance group by name; leave InstanceGroupId "
            + "out of the configuration (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html)");
  }
}
