package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.InstanceStatus;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesResponse;
import software.amazon.awssdk.services.ec2.model.InstanceStateChange;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.ComplianceSummaryItem;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationResponse;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationResponse;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;
import software.amazon.awssdk.services.ssm.model.InstanceInformationStringFilter;
import software.amazon.awssdk.services.ssm.model.ListComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.ListComplianceSummariesResponse;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesResponse;
import software.amazon.awssdk.services.ssm.model.NonCompliantSummary;
import software.amazon.awssdk.services.ssm.model.ResourceComplianceSummaryItem;

/** The calls the reference workflows make: request, permissions and result paths. */
class ReferenceCallsTest {

  @Test
  void ssmDescribeInstanceInformation() {
    SdkCall call = AwsSdk.call(DescribeInstanceInformationRequest.builder()
        .filters(InstanceInformationStringFilter.builder().key("PingStatus").values("Online").build())
        .maxResults(50)
        .build());
    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:ssm:describeInstanceInformation\","
            + "\"Parameters\":{\"Filters\":[{\"Key\":\"PingStatus\",\"Values\":[\"Online\"]}],\"MaxResults\":50},"
            + "\"End\":true}");
    assertThat(call.result(DescribeInstanceInformationResponse.class)
        .each(DescribeInstanceInformationResponse::instanceInformationList).get(InstanceInformation::instanceId).path())
        .isEqualTo(Path.of("$.InstanceInformationList[*].InstanceId"));
  }

  @Test
  void ssmComplianceSummaries() {
    SdkCall summaries = AwsSdk.call(ListComplianceSummariesRequest.builder()
        .filters(ComplianceStringFilter.builder().key("ComplianceType").values("Patch").build())
        .build());
    assertThat(Definitions.parameters(summaries))
        .isEqualTo("{\"Filters\":[{\"Key\":\"ComplianceType\",\"Values\":[\"Patch\"]}]}");
    assertThat(summaries.result(ListComplianceSummariesResponse.class)
        .each(ListComplianceSummariesResponse::complianceSummaryItems)
        .get(ComplianceSummaryItem::nonCompliantSummary).get(NonCompliantSummary::nonCompliantCount).path())
        .isEqualTo(Path.of("$.ComplianceSummaryItems[*].NonCompliantSummary.NonCompliantCount"));

    SdkCall resources = AwsSdk.call(ListResourceComplianceSummariesRequest.builder()
        .filters(ComplianceStringFilter.builder().key("Status").values("NON_COMPLIANT").build())
        .nextToken(AwsSdk.text(Path.input().field("nextToken")))
        .build());
    assertThat(Definitions.parameters(resources))
        .isEqualTo("{\"Filters\":[{\"Key\":\"Status\",\"Values\":[\"NON_COMPLIANT\"]}],\"NextToken.$\":\"$.nextToken\"}");
    assertThat(resources.result(ListResourceComplianceSummariesResponse.class)
        .each(ListResourceComplianceSummariesResponse::resourceComplianceSummaryItems)
        .get(ResourceComplianceSummaryItem::resourceId).jsonata().render())
        .isEqualTo("{% $states.result.ResourceComplianceSummaryItems.ResourceId[] %}");
  }

  @Test
  void ssmGetCommandInvocationStatus() {
    SdkCall poll = AwsSdk.call(GetCommandInvocationRequest.builder()
        .commandId(AwsSdk.text(Path.input().field("commandId")))
        .instanceId(AwsSdk.text(Path.input().field("instanceId")))
        .build());
    assertThat(poll.result(GetCommandInvocationResponse.class).get(GetCommandInvocationResponse::status).path())
        .isEqualTo(Path.of("$.Status"));
    assertThat(poll.result(GetCommandInvocationResponse.class)
        .get(GetCommandInvocationResponse::statusAsString).path()).isEqualTo(Path.of("$.Status"));
  }

  @Test
  void ec2InstanceStatusAndStop() {
    SdkCall status = AwsSdk.call(DescribeInstanceStatusRequest.builder()
        .instanceIds(AwsSdk.list(Path.input().field("ids")))
        .includeAllInstances(true)
        .build());
    assertThat(Definitions.parameters(status)).isEqualTo("{\"InstanceIds.$\":\"$.ids\",\"IncludeAllInstances\":true}");
    assertThat(status.result(DescribeInstanceStatusResponse.class).each(DescribeInstanceStatusResponse::instanceStatuses)
        .get(InstanceStatus::instanceState).get(InstanceState::name).path())
        .isEqualTo(Path.of("$.InstanceStatuses[*].InstanceState.Name"));

    SdkCall stop = AwsSdk.call(StopInstancesRequest.builder().instanceIds(AwsSdk.text(Path.variable("instanceId"))).build());
    assertThat(Definitions.parameters(stop)).isEqualTo("{\"InstanceIds.$\":\"States.Array($instanceId)\"}");
    assertThat(stop.iamStatements()).containsExactly(IamStatement.allow("ec2:StopInstances",
        "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/*"));
    assertThat(stop.result(StopInstancesResponse.class).each(StopInstancesResponse::stoppingInstances)
        .get(InstanceStateChange::currentState).get(InstanceState::name).path())
        .isEqualTo(Path.of("$.StoppingInstances[*].CurrentState.Name"));
  }

  @Test
  void iamListAccessKeys() {
    SdkCall keys = AwsSdk.call(ListAccessKeysRequest.builder()
        .userName(AwsSdk.text(Path.input().fields("detail", "userIdentity", "userName"))).build());
    assertThat(Definitions.parameters(keys)).isEqualTo("{\"UserName.$\":\"$.detail.userIdentity.userName\"}");
    assertThat(keys.result(ListAccessKeysResponse.class).each(ListAccessKeysResponse::accessKeyMetadata)
        .get(AccessKeyMetadata::accessKeyId).path()).isEqualTo(Path.of("$.AccessKeyMetadata[*].AccessKeyId"));
    assertThat(keys.iamStatements()).containsExactly(
        IamStatement.allow("iam:ListAccessKeys", "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*"));
  }
}
