package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Context;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Value;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListBucketsRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.ssm.model.ComplianceQueryOperatorType;
import software.amazon.awssdk.services.ssm.model.ComplianceStringFilter;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.ListComplianceItemsRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** The resource and request each SDK call writes, as exact JSON. */
class SdkCallSerializationTest {

  @Test
  void ec2DescribeInstancesWritesNestedStructuresAndListsWithTheSdkMemberNames() {
    SdkCall call = AwsSdk.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("instance-state-name").values("running", "stopped").build())
        .maxResults(100)
        .build());

    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:ec2:describeInstances\","
            + "\"Parameters\":{\"Filters\":[{\"Name\":\"instance-state-name\",\"Values\":[\"running\",\"stopped\"]}],"
            + "\"MaxResults\":100},\"End\":true}");
  }

  @Test
  void unsetMembersAndUntouchedListsAreLeftOutButAnEmptyListSetOnPurposeIsKept() {
    assertThat(Definitions.parameters(AwsSdk.call(DescribeInstancesRequest.builder().build()))).isEqualTo("{}");
    assertThat(Definitions.parameters(AwsSdk.call(DescribeInstanceStatusRequest.builder()
        .includeAllInstances(true).instanceIds(java.util.List.of()).build())))
        .isEqualTo("{\"InstanceIds\":[],\"IncludeAllInstances\":true}");
  }

  @Test
  void aDynamicValueStandsForAStringAWholeListAndAnItemOfAList() {
    SdkCall call = AwsSdk.call(StartInstancesRequest.builder()
        .instanceIds(AwsSdk.list(Path.input().field("instanceIds")))
        .build());
    assertThat(Definitions.parameters(call)).isEqualTo("{\"InstanceIds.$\":\"$.instanceIds\"}");

    SdkCall items = AwsSdk.call(StartInstancesRequest.builder()
        .instanceIds("i-0123456789abcdef0", AwsSdk.text(Path.input().field("instanceId")))
        .build());
    assertThat(Definitions.parameters(items))
        .isEqualTo("{\"InstanceIds.$\":\"States.Array('i-0123456789abcdef0', $.instanceId)\"}");
  }

  @Test
  void aWholeListOfStructuresCanBeGivenAtRunTime() {
    SdkCall call = AwsSdk.call(DescribeInstancesRequest.builder()
        .filters(AwsSdk.list(Filter.class, Path.input().field("filters")))
        .instanceIds(AwsSdk.list(String.class, Path.variable("ids")))
        .build());
    assertThat(Definitions.parameters(call)).isEqualTo("{\"InstanceIds.$\":\"$ids\",\"Filters.$\":\"$.filters\"}");
    assertThatThrownBy(() -> AwsSdk.list(Integer.class, Path.input()))
        .hasMessage("a list of Integer cannot carry a run-time value through the SDK's builder; set the member with "
            + "SdkCall.with(member, value) instead");
  }

  @Test
  void withSetsANumberANestedStructureMemberAndAListItemFromPaths() {
    SdkCall call = AwsSdk.call(ListComplianceItemsRequest.builder()
            .filters(
                ComplianceStringFilter.builder().key("ComplianceType").values("Patch")
                    .type(ComplianceQueryOperatorType.EQUAL).build(),
                ComplianceStringFilter.builder().key("Status").values("NON_COMPLIANT").build())
            .resourceTypes("ManagedInstance")
            .build())
        .with("ResourceIds[0]", Path.variable("instanceId"))
        .with("Filters[1].Values", Path.input().field("statuses"))
        .with("MaxResults", Path.input().field("pageSize"));

    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:ssm:listComplianceItems\","
            + "\"Parameters\":{\"Filters\":[{\"Key\":\"ComplianceType\",\"Values\":[\"Patch\"],\"Type\":\"EQUAL\"},"
            + "{\"Key\":\"Status\",\"Values.$\":\"$.statuses\"}],\"ResourceIds.$\":\"States.Array($instanceId)\","
            + "\"ResourceTypes\":[\"ManagedInstance\"],\"MaxResults.$\":\"$.pageSize\"},\"End\":true}");
  }

  @Test
  void withReplacesAWholeStructureAndAcceptsIntrinsicsAndPlaceholders() {
    SdkCall call = AwsSdk.call(SendCommandRequest.builder()
            .documentName("AWS-RunPatchBaseline")
            .instanceIds(AwsSdk.list(Path.input().field("ids")))
            .build())
        .with("Parameters", Json.object().put("Operation", Json.array(Value.of("Install"))).build())
        .with("Comment", States.format("patching {}", Context.executionName()))
        .with("TimeoutSeconds", new Placeholder("CommandTimeout", Placeholder.Kind.NUMBER));

    assertThat(Definitions.parameters(call)).isEqualTo(
        "{\"InstanceIds.$\":\"$.ids\",\"DocumentName\":\"AWS-RunPatchBaseline\","
            + "\"TimeoutSeconds.$\":\"States.StringToJson('${CommandTimeout}')\","
            + "\"Comment.$\":\"States.Format('patching {}', $$.Execution.Name)\","
            + "\"Parameters\":{\"Operation\":[\"Install\"]}}");
  }

  @Test
  void mapsOfListsTakeDynamicItems() {
    SdkCall call = AwsSdk.call(SendCommandRequest.builder()
        .documentName("AWS-RunPatchBaseline")
        .instanceIds("i-1")
        .parameters(Map.of(
            "Operation", java.util.List.of(AwsSdk.text(Placeholder.string("PatchOperation"))),
            "RebootOption", java.util.List.of(AwsSdk.text(Path.input().field("reboot")))))
        .build());
    // Map entries in key order, whatever order Map.of iterates in.
    assertThat(Definitions.parameters(call)).isEqualTo("{\"InstanceIds\":[\"i-1\"],\"DocumentName\":\"AWS-RunPatchBaseline\","
        + "\"Parameters\":{\"Operation\":[\"${PatchOperation}\"],\"RebootOption.$\":\"States.Array($.reboot)\"}}");
  }

  @Test
  void inAJsonataStateTheRequestIsArgumentsAndExpressionsStandAnywhere() {
    SdkCall call = AwsSdk.call(GetCommandInvocationRequest.builder()
        .commandId(AwsSdk.text(Jsonata.of("$command.CommandId")))
        .instanceId(AwsSdk.text(Jsonata.of("$states.input.instanceId")))
        .build());

    assertThat(Definitions.jsonataTask(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:ssm:getCommandInvocation\","
            + "\"Arguments\":{\"CommandId\":\"{% $command.CommandId %}\",\"InstanceId\":\"{% $states.input.instanceId %}\"},"
            + "\"End\":true}");
  }

  @Test
  void iamDeleteAccessKey() {
    SdkCall call = AwsSdk.call(DeleteAccessKeyRequest.builder()
        .userName(AwsSdk.text(Path.input().fields("detail", "userName")))
        .accessKeyId(AwsSdk.text(Path.input().fields("detail", "accessKeyId")))
        .build());
    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:iam:deleteAccessKey\","
            + "\"Parameters\":{\"UserName.$\":\"$.detail.userName\",\"AccessKeyId.$\":\"$.detail.accessKeyId\"},"
            + "\"End\":true}");
  }

  @Test
  void cloudTrailLookupEventsWritesEnumsAndTimestamps() {
    SdkCall call = AwsSdk.call(LookupEventsRequest.builder()
        .lookupAttributes(LookupAttribute.builder()
            .attributeKey(LookupAttributeKey.USERNAME).attributeValue("alice").build())
        .startTime(Instant.parse("2026-01-02T03:04:05Z"))
        .maxResults(50)
        .build());
    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:cloudtrail:lookupEvents\","
            + "\"Parameters\":{\"LookupAttributes\":[{\"AttributeKey\":\"Username\",\"AttributeValue\":\"alice\"}],"
            + "\"StartTime\":\"2026-01-02T03:04:05Z\",\"MaxResults\":50},\"End\":true}");
  }

  @Test
  void snsPublishWritesMaps() {
    SdkCall call = AwsSdk.call(PublishRequest.builder()
        .topicArn(AwsSdk.text(Placeholder.string("AlertsTopic")))
        .subject("Patch alert")
        .message(AwsSdk.text(Path.input().field("text")))
        .messageAttributes(Map.of("severity",
            MessageAttributeValue.builder().dataType("String").stringValue("high").build()))
        .build());
    assertThat(Definitions.task(call)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sns:publish\","
            + "\"Parameters\":{\"TopicArn\":\"${AlertsTopic}\",\"Message.$\":\"$.text\",\"Subject\":\"Patch alert\","
            + "\"MessageAttributes\":{\"severity\":{\"DataType\":\"String\",\"StringValue\":\"high\"}}},\"End\":true}");
  }

  @Test
  void s3AndDynamoDbAndStepFunctionsAndLambda() {
    assertThat(Definitions.task(AwsSdk.call(ListBucketsRequest.builder().build()))).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:s3:listBuckets\",\"Parameters\":{},\"End\":true}");
    assertThat(Definitions.parameters(AwsSdk.call(GetObjectRequest.builder().bucket("reports").key("a/b.json").build())))
        .isEqualTo("{\"Bucket\":\"reports\",\"Key\":\"a/b.json\"}");
    assertThat(Definitions.task(AwsSdk.call(GetItemRequest.builder()
        .tableName("Accounts")
        .key(Map.of("id", AttributeValue.builder().s(AwsSdk.text(Path.input().field("id"))).build()))
        .consistentRead(true)
        .build())))
        .isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:dynamodb:getItem\","
            + "\"Parameters\":{\"TableName\":\"Accounts\",\"Key\":{\"id\":{\"S.$\":\"$.id\"}},\"ConsistentRead\":true},"
            + "\"End\":true}");
    assertThat(Definitions.task(AwsSdk.call(StartExecutionRequest.builder()
        .stateMachineArn(AwsSdk.text(Placeholder.string("Child")))
        .input("{\"a\":1}")
        .build())))
        .isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:sfn:startExecution\","
            + "\"Parameters\":{\"StateMachineArn\":\"${Child}\",\"Input\":\"{\\\"a\\\":1}\"},\"End\":true}");
    assertThat(Definitions.task(AwsSdk.call(InvokeRequest.builder()
        .functionName("report")
        .payload(SdkBytes.fromUtf8String("{}"))
        .build())))
        .isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::aws-sdk:lambda:invoke\","
            + "\"Parameters\":{\"FunctionName\":\"report\",\"Payload\":\"{}\"},\"End\":true}");
  }

  @Test
  void aMisspelledMemberFailsNamingTheMembersThatExist() {
    SdkCall call = AwsSdk.call(DescribeInstancesRequest.builder().build());
    assertThatThrownBy(() -> call.with("Filter[0].Values", Path.input()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ec2:describeInstances: no member Filter in \"Filter[0].Values\"; the request has "
            + "InstanceIds, DryRun, Filters, NextToken, MaxResults");
    assertThatThrownBy(() -> call.with("Filters[0].Value", Path.input()))
        .hasMessage("ec2:describeInstances: no member Filters[0].Value in \"Filters[0].Value\"; Filters[0] has Name, Values");
    assertThatThrownBy(() -> call.with("Filters[1].Name", "x"))
        .hasMessage("ec2:describeInstances: Filters[1] is past the end of a list of 0 items; the index may be at "
            + "most 0 (to add one)");
    assertThatThrownBy(() -> call.with("Filters.Name", "x"))
        .hasMessage("ec2:describeInstances: Filters is a list, so write an index such as [0] before .Name");
    assertThatThrownBy(() -> call.with("MaxResults.Value", "x"))
        .hasMessage("ec2:describeInstances: MaxResults is a Integer, which has no members, so \"MaxResults.Value\" "
            + "names nothing");
  }

  @Test
  void aLiteralOfTheWrongTypeIsRefused() {
    SdkCall call = AwsSdk.call(DescribeInstancesRequest.builder().build());
    assertThatThrownBy(() -> call.with("MaxResults", "ten"))
        .hasMessage("ec2:describeInstances: MaxResults takes a number, not StringValue[value=ten]; give a literal of "
            + "that type, or a Path, intrinsic or JSONata expression computed at run time");
    assertThatThrownBy(() -> call.with("Filters[0]", "name"))
        .hasMessageStartingWith("ec2:describeInstances: Filters[0] takes a structure (an object), not StringValue");
    assertThatThrownBy(() -> call.with("InstanceIds", "i-1"))
        .hasMessageStartingWith("ec2:describeInstances: InstanceIds takes a list, not StringValue");
    assertThatThrownBy(() -> call.with("DryRun", 1))
        .hasMessageStartingWith("ec2:describeInstances: DryRun takes a boolean, not NumberValue");
    assertThat(Definitions.parameters(call.with("DryRun", Value.of(true)).with("Filters[0].Name", "tag:Patch")))
        .isEqualTo("{\"DryRun\":true,\"Filters\":[{\"Name\":\"tag:Patch\"}]}");
  }

  @Test
  void aPathAmongStructuresInAListCannotBeWrittenInJsonPath() {
    SdkCall call = AwsSdk.call(DescribeInstancesRequest.builder()
        .filters(Filter.builder().name("tag:Patch").values("yes").build()).build());
    assertThatThrownBy(() -> call.with("Filters[1]", Path.input().field("filter")))
        .hasMessage("ec2:describeInstances: Filters mixes a JSONPath value with structures or lists, which a JSONPath "
            + "payload cannot write (States.Array takes no structures); give the whole list as one path, or set the "
            + "members inside its structures instead");
  }

  @Test
  void aRequestThatIsNotAnSdkServiceRequestIsRefused() {
    assertThatThrownBy(() -> AwsSdk.call(null)).hasMessage("request == null");
    assertThatThrownBy(() -> AwsSdk.call(new HandMadeRequest()))
        .hasMessage("io.statecraft.aws.SdkCallSerializationTest$HandMadeRequest does not extend an AWS service's base "
            + "request class (such as SsmRequest or SsmException): is it a class of an AWS SDK for Java 2.x service model?");
  }

  /** A request written by hand rather than generated from a service model. */
  static final class HandMadeRequest extends software.amazon.awssdk.core.SdkRequest {
    @Override
    public java.util.Optional<? extends software.amazon.awssdk.core.RequestOverrideConfiguration> overrideConfiguration() {
      return java.util.Optional.empty();
    }

    @Override
    public Builder toBuilder() {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.util.List<software.amazon.awssdk.core.SdkField<?>> sdkFields() {
      return java.util.List.of();
    }
  }
}
