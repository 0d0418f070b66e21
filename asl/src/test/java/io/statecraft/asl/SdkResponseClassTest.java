package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which Task resources return an SDK response class as it is. */
final class SdkResponseClassTest {

  @Test
  void requestResponseCallsReturnTheirApisResponse() {
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:startJobRun")).contains(new SdkResponseClass(
        "software.amazon.awssdk.services.emrserverless.model.StartJobRunResponse", false));
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:createApplication")).contains(new SdkResponseClass(
        "software.amazon.awssdk.services.emrserverless.model.CreateApplicationResponse", false));
    assertThat(SdkResponseClass.of("arn:aws:states:::aws-sdk:emrserverless:startApplication")).contains(
        new SdkResponseClass("software.amazon.awssdk.services.emrserverless.model.StartApplicationResponse", true));
  }

  /** connect-emr-serverless.html: start, stop and delete answer {"ApplicationId": ...}, the API nothing. */
  @Test
  void emrServerlessApplicationCallsAnswerMoreThanTheirApi() {
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:startApplication")).isEmpty();
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:stopApplication")).isEmpty();
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:deleteApplication")).isEmpty();
    assertThat(SdkResponseClass.of("arn:aws:states:::emr-serverless:startApplication.sync")).isEmpty();
  }
}
