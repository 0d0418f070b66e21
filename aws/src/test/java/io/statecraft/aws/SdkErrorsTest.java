package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.StartInstancesRequest;
import software.amazon.awssdk.services.iam.model.DeleteAccessKeyRequest;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sns.model.NotFoundException;
import software.amazon.awssdk.services.ssm.model.GetCommandInvocationRequest;
import software.amazon.awssdk.services.ssm.model.InvocationDoesNotExistException;

/** The error names Step Functions raises for SDK integrations: {@code <Prefix>.<ExceptionClass>}. */
class SdkErrorsTest {

  @Test
  void anSdkExceptionClassGivesItsStepFunctionsErrorName() {
    assertThat(AwsSdk.error(InvocationDoesNotExistException.class)).isEqualTo("Ssm.InvocationDoesNotExistException");
    assertThat(AwsSdk.error(Ec2Exception.class)).isEqualTo("Ec2.Ec2Exception");
    assertThat(AwsSdk.error(NoSuchEntityException.class)).isEqualTo("Iam.NoSuchEntityException");
    assertThat(AwsSdk.error(InvalidLookupAttributesException.class))
        .isEqualTo("CloudTrail.InvalidLookupAttributesException");
    assertThat(AwsSdk.error(NotFoundException.class)).isEqualTo("Sns.NotFoundException");
    assertThat(AwsSdk.error(NoSuchKeyException.class)).isEqualTo("S3.NoSuchKeyException");
    assertThat(AwsSdk.error(ConditionalCheckFailedException.class))
        .isEqualTo("DynamoDb.ConditionalCheckFailedException");
    assertThat(AwsSdk.error(ExecutionAlreadyExistsException.class)).isEqualTo("Sfn.ExecutionAlreadyExistsException");
    assertThat(AwsSdk.error(software.amazon.awssdk.services.lambda.model.TooManyRequestsException.class))
        .isEqualTo("Lambda.TooManyRequestsException");
  }

  @Test
  void anOperationListsTheErrorsItsModelDeclaresThenTheServiceAndClientOnes() {
    ServiceErrors errors = AwsSdk.errorsOf(GetCommandInvocationRequest.class);
    assertThat(errors.all()).containsExactly(
        "Ssm.InternalServerErrorException", "Ssm.InvalidCommandIdException", "Ssm.InvalidInstanceIdException",
        "Ssm.InvalidPluginNameException", "Ssm.InvocationDoesNotExistException", "Ssm.SsmException",
        "Ssm.SdkClientException");
    // GetCommandInvocation does not declare throttling, but the SDK maps SSM's ThrottlingException
    // code to its class for every operation.
    assertThat(errors.named("ThrottlingException")).isEqualTo(SdkErrors.Ssm.THROTTLING);
    assertThat(errors.service()).isEqualTo("Ssm.SsmException");
    assertThat(errors.named("InvocationDoesNotExistException")).isEqualTo("Ssm.InvocationDoesNotExistException");
  }

  @Test
  void ec2DeclaresNoErrorsSoEveryOneIsTheServiceException() {
    ServiceErrors errors = AwsSdk.call(StartInstancesRequest.builder().instanceIds("i-1").build()).errors();
    assertThat(errors.operationErrors()).isEmpty();
    assertThat(errors.all()).containsExactly("Ec2.Ec2Exception", "Ec2.SdkClientException");
  }

  @Test
  void prefixesFollowTheSdkNotTheServiceName() {
    assertThat(AwsSdk.errorsOf(LookupEventsRequest.class).service()).isEqualTo("CloudTrail.CloudTrailException");
    assertThat(AwsSdk.errorsOf(DeleteAccessKeyRequest.class).operationErrors()).containsExactly(
        "Iam.NoSuchEntityException", "Iam.LimitExceededException", "Iam.ServiceFailureException");
    assertThat(AwsSdk.errorsOf(InvokeRequest.class).client()).isEqualTo("Lambda.SdkClientException");
  }

  @Test
  void aNameWithoutTheExceptionSuffixIsRefused() {
    assertThatThrownBy(() -> AwsSdk.errorsOf(GetCommandInvocationRequest.class).named("InvocationDoesNotExist"))
        .hasMessage("Step Functions names every SDK error after its exception class, which ends in Exception: "
            + "write InvocationDoesNotExistException, not InvocationDoesNotExist");
  }
}
