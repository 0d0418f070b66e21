package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.DeleteFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;

/**
 * EKS' Kubernetes API calls (connect-eks.html, "Kubernetes API integrations") and its Fargate profile
 * calls, for which AWS's "IAM policies for Amazon EKS" (eks-iam.html) writes no statements.
 */
class EksClusterTest {

  private static final String ENDPOINT = "https://AKIAIOSFODNN7EXAMPLE.yl4.us-east-1.eks.amazonaws.com";
  private static final String EKS = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:";

  private final EksCluster cluster = EksCluster.of("MyCluster", ENDPOINT, "ANPAJ2UCCR6DPCEXAMPLE");

  private static Value job() {
    return Json.object().put("apiVersion", "batch/v1").put("kind", "Job")
        .put("metadata", Json.object().put("name", "example-job").build())
        .put("spec", Json.object().put("backoffLimit", 0).build()).build();
  }

  /** The page's example: run a job, wait for it, and retrieve its logs. */
  @Test
  void runJobSyncWithLogsIsThePagesExample() {
    EksCluster.RunJob run = cluster.runJob(job()).sync().retrieveLogs();

    assertThat(Definitions.task(run)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::eks:runJob.sync\","
        + "\"Parameters\":{\"ClusterName\":\"MyCluster\",\"CertificateAuthority\":\"ANPAJ2UCCR6DPCEXAMPLE\","
        + "\"Endpoint\":\"" + ENDPOINT + "\",\"Job\":{\"apiVersion\":\"batch/v1\",\"kind\":\"Job\","
        + "\"metadata\":{\"name\":\"example-job\"},\"spec\":{\"backoffLimit\":0}},\"LogOptions\":{\"RetrieveLogs\":true}},"
        + "\"End\":true}");
    assertThat(run.iamStatements()).isEmpty();
    assertThat(OptimizedErrors.Eks.UNAUTHORIZED).isEqualTo("EKS.401");
    assertThat(run.error("ResourceNotFoundException")).isEqualTo(OptimizedErrors.Eks.RESOURCE_NOT_FOUND);
    assertThat(EksCluster.LOGS.toString()).isEqualTo("$.logs");
  }

  @Test
  void runJobRequestResponseInANamespaceFromRunTimeValues() {
    EksCluster fromInput = EksCluster.of(Placeholder.string("ClusterName"), Path.input().field("endpoint"),
        Path.input().field("ca"));
    EksCluster.RunJob run = fromInput.runJob(Path.input().field("job")).namespace("reports");

    assertThat(run.resource()).isEqualTo("arn:aws:states:::eks:runJob");
    assertThat(Definitions.parameters(run)).isEqualTo("{\"ClusterName\":\"${ClusterName}\","
        + "\"CertificateAuthority.$\":\"$.ca\",\"Endpoint.$\":\"$.endpoint\",\"Job.$\":\"$.job\",\"Namespace\":\"reports\"}");
    assertThat(run.iamStatements()).isEmpty();
  }

  @Test
  void rawLogsAndLogParametersGoInLogOptions() {
    EksCluster.RunJob run = cluster.runJob(job()).sync().rawLogs().logParameter("tailLines", Value.of("6"));
    assertThat(Definitions.parameters(run)).contains("\"LogOptions\":{\"RetrieveLogs\":true,\"RawLogs\":true,"
        + "\"LogParameters\":{\"tailLines\":[\"6\"]}}}");
  }

  @Test
  void logsAreRefusedWithoutSyncAndOtherKindsOfResourceGoThroughCall() {
    assertThatThrownBy(() -> cluster.runJob(job()).retrieveLogs()).isInstanceOf(IllegalStateException.class)
        .hasMessage("eks:runJob: LogOptions apply only when the task waits for the Job; call sync() first "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html)");
    assertThatThrownBy(() -> cluster.runJob(Json.object().put("apiVersion", "apps/v1").put("kind", "Deployment").build()))
        .hasMessage("eks:runJob runs batch/v1 Jobs only, not apiVersion apps/v1; manage other Kubernetes resources "
            + "with EksCluster.call(method, path) (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html)");
    assertThatThrownBy(() -> EksCluster.of("MyCluster", "AKIAIOSFODNN7EXAMPLE.yl4.us-east-1.eks.amazonaws.com", "CA"))
        .hasMessage("eks: Endpoint AKIAIOSFODNN7EXAMPLE.yl4.us-east-1.eks.amazonaws.com is not the URL of a Kubernetes "
            + "API server; give the cluster's https:// endpoint, as DescribeCluster answers it "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html)");
  }

  /** The page's example: list the pods of example-job. */
  @Test
  void callListsPodsAsThePagesExample() {
    EksCluster.Call list = cluster.call(EksCluster.Method.GET, "/api/v1/namespaces/default/pods")
        .queryParameter("labelSelector", Value.of("job-name=example-job"));

    assertThat(Definitions.task(list)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::eks:call\","
        + "\"Parameters\":{\"ClusterName\":\"MyCluster\",\"CertificateAuthority\":\"ANPAJ2UCCR6DPCEXAMPLE\","
        + "\"Endpoint\":\"" + ENDPOINT + "\",\"Method\":\"GET\",\"Path\":\"/api/v1/namespaces/default/pods\","
        + "\"QueryParameters\":{\"labelSelector\":[\"job-name=example-job\"]}},\"End\":true}");
    assertThat(list.iamStatements()).isEmpty();
    assertThat(list.error("401")).isEqualTo(OptimizedErrors.Eks.UNAUTHORIZED);
  }

  @Test
  void callPostsABodyAndRefusesARelativePath() {
    EksCluster.Call create = cluster.call(EksCluster.Method.POST, "/api/v1/namespaces/kube-system/configmaps")
        .requestBody(Json.object().put("apiVersion", "v1").put("kind", "ConfigMap").build());
    assertThat(Definitions.parameters(create)).endsWith("\"Method\":\"POST\","
        + "\"Path\":\"/api/v1/namespaces/kube-system/configmaps\",\"RequestBody\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}}");
    assertThatThrownBy(() -> cluster.call(EksCluster.Method.GET, "api/v1/pods")).hasMessage("eks:call: Path api/v1/pods "
        + "is not a path of the Kubernetes REST API; give it from the root, such as /api/v1/namespaces/default/pods "
        + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html)");
  }

  /** No statements on AWS's page: the build stops until the author gives them, and nothing is added. */
  @Test
  void fargateProfileCallsAreGrantedOnlyWhatTheAuthorGives() {
    OptimizedCall create = AwsSdk.optimized(CreateFargateProfileRequest.builder().clusterName("MyCluster")
        .fargateProfileName("MyFargateProfile").podExecutionRoleArn("arn:aws:iam::123456789012:role/MyFargatePodExecutionRole")
        .selectors(FargateProfileSelector.builder().namespace("my-namespace").labels(java.util.Map.of("my-label", "my-value"))
            .build()).build()).sync();

    assertThat(create.resource()).isEqualTo("arn:aws:states:::eks:createFargateProfile.sync");
    assertThat(Definitions.parameters(create.permissions(IamStatement.allow("eks:CreateFargateProfile", EKS + "cluster/MyCluster")))).isEqualTo(
        "{\"FargateProfileName\":\"MyFargateProfile\",\"ClusterName\":\"MyCluster\",\"PodExecutionRoleArn\":"
        + "\"arn:aws:iam::123456789012:role/MyFargatePodExecutionRole\",\"Selectors\":[{\"Namespace\":\"my-namespace\","
        + "\"Labels\":{\"my-label\":\"my-value\"}}]}");
    assertThatThrownBy(create::iamStatements).isInstanceOf(IllegalStateException.class).hasMessage(
        "arn:aws:states:::eks:createFargateProfile.sync: AWS's IAM policies for this integration write no statements "
            + "for it (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html), so Statecraft grants none "
            + "by itself; give every statement the role needs with .permissions(IamStatement...), such as "
            + "eks:CreateFargateProfile and iam:PassRole on the role the request passes, and what .sync polls with");

    IamStatement own = IamStatement.allow("eks:CreateFargateProfile", EKS + "cluster/MyCluster");
    IamStatement poll = IamStatement.allow(List.of("eks:DescribeFargateProfile"),
        List.of(EKS + "fargateprofile/MyCluster/MyFargateProfile/*"));
    IamStatement pass = IamStatement.allow("iam:PassRole", "arn:aws:iam::123456789012:role/MyFargatePodExecutionRole");
    assertThat(create.permissions(own, poll, pass).iamStatements()).containsExactly(own, poll, pass);
    assertThat(create.error("ResourceLimitExceededException")).isEqualTo(OptimizedErrors.Eks.RESOURCE_LIMIT_EXCEEDED);

    OptimizedCall delete = AwsSdk.optimized(DeleteFargateProfileRequest.builder().clusterName("MyCluster")
        .fargateProfileName("MyFargateProfile").build());
    assertThat(delete.resource()).isEqualTo("arn:aws:states:::eks:deleteFargateProfile");
    assertThat(delete.sync().resource()).isEqualTo("arn:aws:states:::eks:deleteFargateProfile.sync");
    assertThatThrownBy(delete::iamStatements).hasMessageStartingWith("arn:aws:states:::eks:deleteFargateProfile: AWS's "
        + "IAM policies for this integration write no statements");
    assertThatThrownBy(delete::waitForTaskToken).hasMessageContaining("no member passes the task token on");
    IamStatement deleteOwn = IamStatement.allow("eks:DeleteFargateProfile", EKS + "fargateprofile/MyCluster/MyFargateProfile/*");
    assertThat(delete.permissions(deleteOwn).iamStatements()).containsExactly(deleteOwn);
  }
}
