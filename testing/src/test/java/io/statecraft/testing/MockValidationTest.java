package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mock results checked against the AWS SDK's response classes (ec2 and dynamodb are on this test's class path). */
class MockValidationTest {

  private static LocalExecutor task(String resource) {
    return LocalExecutor.ofJson("{\"StartAt\": \"Call\", \"States\": {\"Call\": {\"Type\": \"Task\", \"Resource\": \""
        + resource + "\", \"End\": true}}}");
  }

  private static final String DESCRIBE = "arn:aws:states:::aws-sdk:ec2:describeInstances";
  private static final String GET_ITEM = "arn:aws:states:::dynamodb:getItem";

  @Test
  void aResultOfTheResponsesShapePasses() {
    assertThat(task(DESCRIBE).mock("Call", Mock.result("""
        {"Reservations": [{"Instances": [{"InstanceId": "i-01", "LaunchTime": "2025-01-01T00:00:00Z",
          "Tags": [{"Key": "team", "Value": "ops"}], "CpuOptions": {"CoreCount": 2}}]}]}
        """)).run()).succeeded();
    assertThat(task(GET_ITEM).mock("Call", Mock.result("{\"Item\": {\"id\": {\"S\": \"u1\"}}}")).run()).succeeded();
    // Optimized integrations add the SDK's metadata to the response.
    assertThat(task(GET_ITEM).mock("Call", Mock.result("""
        {"Item": {}, "SdkHttpMetadata": {"HttpStatusCode": 200}, "SdkResponseMetadata": {"RequestId": "r-1"}}
        """)).run()).succeeded();
  }

  @Test
  void anUnknownFieldIsNamedWithItsPathAndTheNearestKnownName() {
    assertThat(task(DESCRIBE).mock("Call", Mock.result("{\"Reservations\": [{\"Instance\": []}]}")).run()).failed()
        .hasError("States.Runtime", "The mock result of Task state 'Call' is not a response of " + DESCRIBE + ": "
            + "DescribeInstancesResponse: field Reservations[0].Instance is not one of Reservations[0]'s fields (did "
            + "you mean Instances?); fix the mock, or call mockValidation(MockValidation.NONE) on the executor");
  }

  @Test
  void aFieldOfAnotherTypeIsNamed() {
    assertThat(task(DESCRIBE).mock("Call", Mock.result("{\"Reservations\": [{\"Instances\": [{\"CpuOptions\": "
        + "{\"CoreCount\": \"two\"}}]}]}")).run()).failed()
        .hasError("States.Runtime", "The mock result of Task state 'Call' is not a response of " + DESCRIBE + ": "
            + "DescribeInstancesResponse: field Reservations[0].Instances[0].CpuOptions.CoreCount must be an integer, "
            + "got string; fix the mock, or call mockValidation(MockValidation.NONE) on the executor");
    assertThat(task(GET_ITEM).mock("Call", Mock.result("{\"Item\": {\"id\": \"u1\"}}")).run()).failed()
        .hasError("States.Runtime", "The mock result of Task state 'Call' is not a response of " + GET_ITEM + ": "
            + "GetItemResponse: field Item.id must be an object, got string; fix the mock, or call "
            + "mockValidation(MockValidation.NONE) on the executor");
  }

  @Test
  void noneChecksNothingAndUnmodelledResourcesAreNotChecked() {
    assertThat(task(DESCRIBE).mockValidation(MockValidation.NONE).mock("Call", Mock.result("{\"Anything\": 1}")).run())
        .succeeded();
    // Lambda's optimized result is reshaped by Step Functions; sqs is not on this class path.
    assertThat(task("arn:aws:states:::lambda:invoke").mock("Call", Mock.result("{\"Payload\": {}}")).run()).succeeded();
    assertThat(task("arn:aws:states:::aws-sdk:sqs:sendMessage").mock("Call", Mock.result("{\"X\": 1}")).run()).succeeded();
  }

  @Test
  void strictAlsoWantsTheFieldsTheModelRequires() {
    // The SDK for Java 2.x marks required response members in few models; S3's QueueConfiguration is one.
    String resource = "arn:aws:states:::aws-sdk:s3:getBucketNotificationConfiguration";
    String result = "{\"QueueConfigurations\": [{\"Id\": \"q\"}]}";

    assertThat(task(resource).mock("Call", Mock.result(result)).run()).succeeded();
    assertThat(task(resource).mockValidation(MockValidation.STRICT).mock("Call", Mock.result(result)).run()).failed()
        .hasError("States.Runtime", "The mock result of Task state 'Call' is not a response of " + resource + ": "
            + "GetBucketNotificationConfigurationResponse: required field QueueConfigurations[0].QueueArn is missing; "
            + "required field QueueConfigurations[0].Events is missing; fix the mock, or call "
            + "mockValidation(MockValidation.NONE) on the executor");
  }
}
