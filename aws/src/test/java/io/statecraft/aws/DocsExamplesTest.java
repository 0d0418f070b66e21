package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.Context;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;

/** The examples of docs/integrations.md, compiled and checked. */
class DocsExamplesTest {

  @Test
  void sendCommandWithThrottlingRetry() {
    SdkCall send = AwsSdk.call(SendCommandRequest.builder()
        .documentName("AWS-RunPatchBaseline")
        .instanceIds(AwsSdk.list(Path.input().field("instanceIds")))
        .build());
    Task task = Task.named("Patch").call(send).retry(Retry.on(SdkErrors.Ssm.THROTTLING).maxAttempts(3));
    assertThat(Definitions.parameters(send))
        .isEqualTo("{\"InstanceIds.$\":\"$.instanceIds\",\"DocumentName\":\"AWS-RunPatchBaseline\"}");
    assertThat(task.requiredPermissions()).hasSize(1);
  }

  @Test
  void lambdaAndStartExecution() {
    Task report = Task.named("Report").call(LambdaInvoke.function(Placeholder.string("ReportFunction"))
            .payload(Json.object().put("ids", Path.input().field("ids")).build()))
        .retry(Retry.on(LambdaInvoke.TRANSIENT_ERRORS).intervalSeconds(1).maxAttempts(3).backoffRate(2))
        .resultSelector(Json.object().put("report", LambdaInvoke.PAYLOAD));
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(report), "Report")).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{"
            + "\"FunctionName\":\"${ReportFunction}\",\"Payload\":{\"ids.$\":\"$.ids\"}},"
            + "\"ResultSelector\":{\"report.$\":\"$.Payload\"},\"Retry\":[{\"ErrorEquals\":[\"Lambda.ServiceException\","
            + "\"Lambda.AWSLambdaException\",\"Lambda.SdkClientException\",\"Lambda.TooManyRequestsException\"],"
            + "\"IntervalSeconds\":1,\"MaxAttempts\":3,\"BackoffRate\":2}],\"End\":true}");

    OptimizedCall start = AwsSdk.optimized(StartExecutionRequest.builder()
            .stateMachineArn(AwsSdk.text(Placeholder.string("ChildArn"))).build())
        .with("Input", Json.object().put("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID", Context.executionId()).build())
        .syncJson();
    assertThat(start.resource()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
  }

  @Test
  void bedrockInvokeModel() {
    Task summarize = Task.named("Summarize").call(BedrockInvokeModel.model("amazon.titan-text-express-v1")
            .body(Json.object().put("inputText", Path.input().field("text")).build()))
        .resultSelector(Json.object().put("summary", BedrockInvokeModel.BODY.field("results")));
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(summarize), "Summarize")).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::bedrock:invokeModel\",\"Parameters\":{"
            + "\"ModelId\":\"amazon.titan-text-express-v1\",\"Body\":{\"inputText.$\":\"$.text\"}},"
            + "\"ResultSelector\":{\"summary.$\":\"$.Body.results\"},\"End\":true}");
    assertThat(summarize.requiredPermissions()).hasSize(1);
  }

  @Test
  void emrClusterAndStep() {
    OptimizedCall create = AwsSdk.optimized(software.amazon.awssdk.services.emr.model.RunJobFlowRequest.builder()
            .name("nightly").releaseLabel("emr-7.1.0")
            .serviceRole("EMR_DefaultRole").jobFlowRole("EMR_EC2_DefaultRole")
            .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(3).masterInstanceType("m5.xlarge")).build())
        .sync();
    EmrCluster cluster = EmrCluster.id(Path.input().field("ClusterId"));
    Task hive = Task.named("Hive").call(cluster.addStep(software.amazon.awssdk.services.emr.model.StepConfig.builder()
        .name("hive").hadoopJarStep(j -> j.jar("command-runner.jar").args("hive-script", "--run-hive-script")).build())
        .sync());
    Task terminate = Task.named("Terminate").call(cluster.terminate().sync());
    assertThat(create.resource()).isEqualTo("arn:aws:states:::elasticmapreduce:createCluster.sync");
    Task start = Task.named("Create").call(create);
    start.next(hive).next(terminate);
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(start), "Terminate")).isEqualTo("{\"Type\":\"Task\",\"Resource\":"
            + "\"arn:aws:states:::elasticmapreduce:terminateCluster.sync\",\"Parameters\":{\"ClusterId.$\":"
            + "\"$.ClusterId\"},\"End\":true}");
  }

  @Test
  void apiGatewayWithRetryOnAStatus() {
    Task bills = Task.named("GetBills").call(ApiGatewayInvoke.get(Placeholder.string("BillsEndpoint"))
            .stage("prod").path("bills").queryParameter("billId", Path.input().field("id"))
            .authType(ApiGatewayInvoke.AuthType.IAM_ROLE))
        .retry(Retry.on(ApiGatewayInvoke.status(503)).intervalSeconds(2).maxAttempts(3).backoffRate(2))
        .resultSelector(Json.object().put("bills", ApiGatewayInvoke.RESPONSE_BODY));
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(bills), "GetBills")).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::apigateway:invoke\",\"Parameters\":{"
            + "\"ApiEndpoint\":\"${BillsEndpoint}\",\"Method\":\"GET\",\"Stage\":\"prod\",\"Path\":\"bills\","
            + "\"QueryParameters\":{\"billId.$\":\"States.Array($.id)\"},\"AuthType\":\"IAM_ROLE\"},"
            + "\"ResultSelector\":{\"bills.$\":\"$.ResponseBody\"},\"Retry\":[{\"ErrorEquals\":[\"ApiGateway.503\"],"
            + "\"IntervalSeconds\":2,\"MaxAttempts\":3,\"BackoffRate\":2}],\"End\":true}");
  }

  @Test
  void eksRunJobCallAndFargateProfile() {
    EksCluster cluster = EksCluster.of(Value.of("analytics"), Path.input().field("Endpoint"),
        Path.input().field("CertificateAuthority"));
    Task report = Task.named("Report").call(cluster.runJob(Path.input().field("job")).namespace("reports")
            .sync().retrieveLogs().logParameter("tailLines", Value.of("100")))
        .retry(Retry.on(OptimizedErrors.Eks.SERVICE_UNAVAILABLE).intervalSeconds(5).maxAttempts(3).backoffRate(2))
        .resultSelector(Json.object().put("logs", EksCluster.LOGS));
    Task pods = Task.named("ListPods").call(cluster.call(EksCluster.Method.GET, "/api/v1/namespaces/reports/pods")
        .queryParameter("labelSelector", Value.of("job-name=report")));
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(report), "Report")).isEqualTo("{\"Type\":\"Task\",\"Resource\":"
        + "\"arn:aws:states:::eks:runJob.sync\",\"Parameters\":{\"ClusterName\":\"analytics\","
        + "\"CertificateAuthority.$\":\"$.CertificateAuthority\",\"Endpoint.$\":\"$.Endpoint\",\"Job.$\":\"$.job\","
        + "\"Namespace\":\"reports\",\"LogOptions\":{\"RetrieveLogs\":true,\"LogParameters\":{\"tailLines\":[\"100\"]}}},"
        + "\"ResultSelector\":{\"logs.$\":\"$.logs\"},\"Retry\":[{\"ErrorEquals\":[\"EKS.ServiceUnavailableException\"],"
        + "\"IntervalSeconds\":5,\"MaxAttempts\":3,\"BackoffRate\":2}],\"End\":true}");
    assertThat(Definitions.state(io.statecraft.dsl.StateMachine.startWith(pods), "ListPods")).contains("\"Resource\":\"arn:aws:states:::eks:call\"");
    assertThat(report.requiredPermissions()).isEmpty();
    assertThat(pods.requiredPermissions()).isEmpty();

    String eks = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:";
    OptimizedCall profile = AwsSdk.optimized(software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest.builder()
            .clusterName("analytics").fargateProfileName("reports")
            .podExecutionRoleArn(AwsSdk.text(Placeholder.string("PodRoleArn")))
            .selectors(selector -> selector.namespace("reports")).build())
        .sync()
        .permissions(IamStatement.allow("eks:CreateFargateProfile", eks + "cluster/analytics"),
            IamStatement.allow("eks:DescribeFargateProfile", eks + "fargateprofile/analytics/reports/*"),
            IamStatement.allow("iam:PassRole", "${PodRoleArn}"));
    assertThat(profile.resource()).isEqualTo("arn:aws:states:::eks:createFargateProfile.sync");
    assertThat(Task.named("Profile").call(profile).requiredPermissions()).containsExactly(
        IamStatement.allow("eks:CreateFargateProfile", eks + "cluster/analytics"),
        IamStatement.allow(List.of("eks:DescribeFargateProfile"), List.of(eks + "fargateprofile/analytics/reports/*")),
        IamStatement.allow("iam:PassRole", "${PodRoleArn}"));
  }
}
