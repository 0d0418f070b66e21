package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.ec2.model.StopInstancesRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.ListAccessKeysRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.ssm.model.DescribeInstanceInformationRequest;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.ListComplianceItemsRequest;
import software.amazon.awssdk.services.ssm.model.ListComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.ListResourceComplianceSummariesRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** The IAM statements each SDK call declares, from the Service Authorization Reference. */
class SdkCallPermissionsTest {

  private static final String INSTANCE = "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/";

  private static IamStatement onAny(String action) {
    return IamStatement.allowOnAnyResource(List.of(action), action + " supports no resource-level permissions "
        + "(AWS Service Authorization Reference), so IAM can grant it only on all resources");
  }

  @Test
  void readsThatAwsDoesNotScopeByResourceAreGrantedOnAnyResourceWithTheReason() {
    assertThat(AwsSdk.call(DescribeInstancesRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ec2:DescribeInstances"));
    assertThat(AwsSdk.call(DescribeInstanceStatusRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ec2:DescribeInstanceStatus"));
    assertThat(AwsSdk.call(ListComplianceItemsRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ssm:ListComplianceItems"));
    assertThat(AwsSdk.call(ListComplianceSummariesRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ssm:ListComplianceSummaries"));
    assertThat(AwsSdk.call(ListResourceComplianceSummariesRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ssm:ListResourceComplianceSummaries"));
    assertThat(AwsSdk.call(DescribeInstanceInformationRequest.builder().build()).iamStatements())
        .containsExactly(onAny("ssm:DescribeInstanceInformation"));
    assertThat(AwsSdk.call(GetCommandInvocationRequest.builder().commandId("c").instanceId("i-1").build())
        .iamStatements()).containsExactly(onAny("ssm:GetCommandInvocation"));
    assertThat(AwsSdk.call(LookupEventsRequest.builder().build()).iamStatements())
        .containsExactly(onAny("cloudtrail:LookupEvents"));
    assertThat(AwsSdk.call(ListBucketsRequest.builder().build()).iamStatements())
        .containsExactly(onAny("s3:ListAllMyBuckets"));
  }

  @Test
  void instanceIdsBecomeInstanceArnsOfTheStacksPartitionRegionAndAccount() {
    assertThat(AwsSdk.call(StartInstancesRequest.builder().instanceIds("i-0a", "i-0b").build()).iamStatements())
        .containsExactly(IamStatement.allow(List.of("ec2:StartInstances"), List.of(INSTANCE + "i-0a", INSTANCE + "i-0b")));
    assertThat(AwsSdk.call(StopInstancesRequest.builder()
            .instanceIds(AwsSdk.list(Path.input().field("ids"))).build()).iamStatements())
        .containsExactly(IamStatement.allow("ec2:StopInstances", INSTANCE + "*"));
  }

  @Test
  void sendCommandNeedsTheDocumentAndTheInstancesItRunsOn() {
    SdkCall call = AwsSdk.call(SendCommandRequest.builder()
        .documentName("AWS-RunPatchBaseline")
        .instanceIds(AwsSdk.list(Path.input().field("ids")))
        .build());
    assertThat(call.iamStatements()).containsExactly(IamStatement.allow(List.of("ssm:SendCommand"), List.of(
        // AWS's own documents have no account in their ARN.
        "arn:${AWS::Partition}:ssm:${AWS::Region}::document/AWS-RunPatchBaseline",
        INSTANCE + "*",
        "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:managed-instance/*")));

    assertThat(AwsSdk.call(SendCommandRequest.builder().documentName("Team-Restart").instanceIds("i-1").build())
        .iamStatements()).containsExactly(IamStatement.allow(List.of("ssm:SendCommand"), List.of(
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:document/Team-Restart",
            INSTANCE + "i-1",
            "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:managed-instance/i-1")));
  }

  @Test
  void iamUsersAreScopedByUserName() {
    assertThat(AwsSdk.call(DeleteAccessKeyRequest.builder()
            .userName(AwsSdk.text(Path.input().field("user"))).accessKeyId("AKIA").build()).iamStatements())
        .containsExactly(IamStatement.allow("iam:DeleteAccessKey", "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/*"));
    assertThat(AwsSdk.call(ListAccessKeysRequest.builder().userName("alice").build()).iamStatements())
        .containsExactly(IamStatement.allow("iam:ListAccessKeys", "arn:${AWS::Partition}:iam::${AWS::AccountId}:user/alice"));
  }

  @Test
  void wholeArnsComeFromArnMembersAndPlaceholdersStayForCloudFormation() {
    assertThat(AwsSdk.call(PublishRequest.builder()
            .topicArn(AwsSdk.text(Placeholder.string("AlertsTopic"))).message("m").build()).iamStatements())
        .containsExactly(IamStatement.allow("sns:Publish", "${AlertsTopic}"));
    assertThat(AwsSdk.call(PublishRequest.builder()
            .topicArn(AwsSdk.text(Path.input().field("topic"))).message("m").build()).iamStatements())
        .containsExactly(IamStatement.allow("sns:Publish", "arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:*"));
    assertThat(AwsSdk.call(StartExecutionRequest.builder()
            .stateMachineArn(AwsSdk.text(Placeholder.string("Child"))).build()).iamStatements())
        .containsExactly(IamStatement.allow("states:StartExecution", "${Child}"));
    assertThat(AwsSdk.call(InvokeRequest.builder().functionName("report").build()).iamStatements())
        .containsExactly(IamStatement.allow("lambda:InvokeFunction",
            "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:report"));
    assertThat(AwsSdk.call(InvokeRequest.builder()
            .functionName("arn:aws:lambda:eu-west-1:111122223333:function:shared").build()).iamStatements())
        .containsExactly(IamStatement.allow("lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:111122223333:function:shared"));
  }

  @Test
  void s3AndDynamoDbNamesFillTheirArns() {
    assertThat(AwsSdk.call(GetObjectRequest.builder().bucket("reports").key("a/b.json").build()).iamStatements())
        .containsExactly(IamStatement.allow("s3:GetObject", "arn:${AWS::Partition}:s3:::reports/a/b.json"));
    assertThat(AwsSdk.call(ListObjectsV2Request.builder().bucket(AwsSdk.text(Placeholder.string("ReportsBucket")))
            .build()).iamStatements())
        .containsExactly(IamStatement.allow("s3:ListBucket", "arn:${AWS::Partition}:s3:::${ReportsBucket}"));
    assertThat(AwsSdk.call(ListObjectsV2Request.builder().bucket("reports").build()).iamStatements())
        .containsExactly(IamStatement.allow("s3:ListBucket", "arn:${AWS::Partition}:s3:::reports"));
    assertThat(AwsSdk.call(GetItemRequest.builder().tableName("Accounts")
            .key(Map.of("id", AttributeValue.builder().s("1").build())).build()).iamStatements())
        .containsExactly(IamStatement.allow("dynamodb:GetItem",
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Accounts"));
  }

  @Test
  void everyRenamedActionExistsInTheServiceAuthorizationReference() {
    io.statecraft.iam.IamCatalog catalog = io.statecraft.iam.IamCatalog.standard();
    SdkPermissions.ACTIONS.forEach((operation, actions) -> {
      String prefix = operation.substring(0, operation.indexOf(':'));
      actions.forEach(action -> assertThat(catalog.action(prefix, action)).as(operation + " -> " + action).isPresent());
      assertThat(catalog.action(operation)).as(operation + " is not itself an IAM action").isEmpty();
    });
    assertThat(AwsSdk.call(software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest.builder().build())
        .iamStatements()).extracting(IamStatement::actions).containsExactly(List.of("dynamodb:PutItem"),
            List.of("dynamodb:UpdateItem"), List.of("dynamodb:DeleteItem"), List.of("dynamodb:ConditionCheckItem"));
  }

  @Test
  void explicitPermissionsReplaceTheDerivedOnesAndSurviveWith() {
    IamStatement narrow = IamStatement.allow("ec2:StopInstances", INSTANCE + "i-0a");
    SdkCall call = AwsSdk.call(StopInstancesRequest.builder().build())
        .permissions(narrow)
        .with("InstanceIds", Path.input().field("ids"));
    assertThat(call.iamStatements()).containsExactly(narrow);
  }
}
