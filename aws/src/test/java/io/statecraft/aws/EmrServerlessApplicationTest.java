package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.emrserverless.model.CancelJobRunRequest;
import software.amazon.awssdk.services.emrserverless.model.CreateApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.DeleteApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.StartApplicationRequest;
import software.amazon.awssdk.services.emrserverless.model.StopApplicationRequest;

/**
 * EMR Serverless' application calls and cancelJobRun, each against the policies of
 * connect-emr-serverless.html ("IAM policies for calling Amazon EMR Serverless"), static and dynamic.
 */
class EmrServerlessApplicationTest {

  private static final String ACCOUNT = "arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:";
  private static final String APPLICATION = ACCOUNT + "/applications/${SparkApplication}";
  private static final List<String> RULE_ACTIONS = List.of("events:PutTargets", "events:PutRule", "events:DescribeRule");
  private static final String RULES = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";
  private static final IamStatement APPLICATION_RULE = IamStatement.allow(RULE_ACTIONS,
      List.of(RULES + "StepFunctionsGetEventsForEMRServerlessApplicationRule"));
  private static final IamStatement SERVICE_LINKED_ROLE = IamStatement.allow("iam:CreateServiceLinkedRole",
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/ops.emr-serverless.amazonaws.com/"
          + "AWSServiceRoleForAmazonEMRServerless*")
      .withCondition("StringLike", "iam:AWSServiceName", List.of("ops.emr-serverless.amazonaws.com"));

  @Test
  void createApplicationMayCreateTheServiceLinkedRoleAndSyncReadsTheNewApplication() {
    OptimizedCall create = AwsSdk.optimized(CreateApplicationRequest.builder().name("MyApplication")
        .releaseLabel("emr-6.9.0").type("SPARK").build());
    IamStatement own = IamStatement.allowOnAnyResource(List.of("emr-serverless:CreateApplication"),
        "emr-serverless:CreateApplication supports no resource-level permissions (AWS Service Authorization Reference), "
            + "so IAM can grant it only on all resources");

    assertThat(create.resource()).isEqualTo("arn:aws:states:::emr-serverless:createApplication");
    assertThat(Definitions.parameters(create))
        .isEqualTo("{\"Name\":\"MyApplication\",\"ReleaseLabel\":\"emr-6.9.0\",\"Type\":\"SPARK\"}");
    assertThat(create.iamStatements()).containsExactly(own, SERVICE_LINKED_ROLE);
    assertThat(create.sync().resource()).isEqualTo("arn:aws:states:::emr-serverless:createApplication.sync");
    assertThat(create.sync().iamStatements()).containsExactly(own,
        IamStatement.allow(List.of("emr-serverless:GetApplication", "emr-serverless:DeleteApplication"),
            List.of(ACCOUNT + "/applications/*")),
        APPLICATION_RULE, SERVICE_LINKED_ROLE);
    assertThat(create.error("ValidationException")).isEqualTo("EmrServerless.ValidationException");
    assertThatThrownBy(create::waitForTaskToken).hasMessageContaining("no member passes the task token on");
  }

  @Test
  void startApplicationSyncPollsAndStopsTheApplication() {
    OptimizedCall start = AwsSdk.optimized(StartApplicationRequest.builder()
        .applicationId(AwsSdk.text(Placeholder.string("SparkApplication"))).build());
    assertThat(start.resource()).isEqualTo("arn:aws:states:::emr-serverless:startApplication");
    assertThat(Definitions.parameters(start)).isEqualTo("{\"ApplicationId\":\"${SparkApplication}\"}");
    assertThat(start.iamStatements()).containsExactly(IamStatement.allow("emr-serverless:StartApplication", APPLICATION));
    assertThat(start.sync().iamStatements()).containsExactly(
        IamStatement.allow("emr-serverless:StartApplication", APPLICATION),
        IamStatement.allow(List.of("emr-serverless:GetApplication", "emr-serverless:StopApplication"), List.of(APPLICATION)),
        APPLICATION_RULE);
  }

  @Test
  void stopAndDeleteApplicationSyncPollTheApplication() {
    OptimizedCall stop = AwsSdk.optimized(StopApplicationRequest.builder()
        .applicationId(AwsSdk.text(Placeholder.string("SparkApplication"))).build()).sync();
    assertThat(stop.resource()).isEqualTo("arn:aws:states:::emr-serverless:stopApplication.sync");
    assertThat(stop.iamStatements()).containsExactly(
        IamStatement.allow("emr-serverless:StopApplication", APPLICATION),
        IamStatement.allow("emr-serverless:GetApplication", APPLICATION),
        APPLICATION_RULE);

    // An application known only at run time: the page's dynamic policy, applications/*.
    OptimizedCall delete = AwsSdk.optimized(DeleteApplicationRequest.builder()
        .applicationId(AwsSdk.text(Path.input().field("ApplicationId"))).build());
    assertThat(Definitions.parameters(delete)).isEqualTo("{\"ApplicationId.$\":\"$.ApplicationId\"}");
    assertThat(delete.iamStatements()).containsExactly(
        IamStatement.allow("emr-serverless:DeleteApplication", ACCOUNT + "/applications/*"));
    assertThat(delete.sync().iamStatements()).containsExactly(
        IamStatement.allow("emr-serverless:DeleteApplication", ACCOUNT + "/applications/*"),
        IamStatement.allow("emr-serverless:GetApplication", ACCOUNT + "/applications/*"),
        APPLICATION_RULE);
  }

  @Test
  void cancelJobRunSyncPollsTheJobRunAndListensOnTheJobRule() {
    OptimizedCall cancel = AwsSdk.optimized(CancelJobRunRequest.builder()
        .applicationId(AwsSdk.text(Placeholder.string("SparkApplication")))
        .jobRunId(AwsSdk.text(Path.input().field("JobRunId"))).build()).sync();
    String runs = APPLICATION + "/jobruns/*";
    assertThat(cancel.resource()).isEqualTo("arn:aws:states:::emr-serverless:cancelJobRun.sync");
    assertThat(Definitions.parameters(cancel))
        .isEqualTo("{\"ApplicationId\":\"${SparkApplication}\",\"JobRunId.$\":\"$.JobRunId\"}");
    assertThat(cancel.iamStatements()).containsExactly(
        IamStatement.allow("emr-serverless:CancelJobRun", runs),
        IamStatement.allow("emr-serverless:GetJobRun", runs),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForEMRServerlessJobRule")));
  }
}
