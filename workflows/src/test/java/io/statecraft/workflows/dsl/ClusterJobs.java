package io.statecraft.workflows.dsl;

import io.statecraft.aws.ApiGatewayInvoke;
import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.EmrCluster;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import software.amazon.awssdk.services.emr.model.StepConfig;
import software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * A nightly job on EMR and on EMR on EKS, reported to an API and a queue: one workflow with the
 * integrations whose request is Step Functions' own (EMR's cluster calls, API Gateway) and the
 * grants that follow a parameter into another account or region (the queue's URL).
 */
public final class ClusterJobs implements Workflow {

  @Override
  public String id() {
    return "cluster-jobs";
  }

  @Override
  public WorkflowSpec spec() {
    Parameter virtualCluster = Parameter.string("VirtualClusterId");
    Parameter jobRole = Parameter.string("JobRoleArn");
    Parameter reportsApi = Parameter.string("ReportsApiEndpoint");
    Parameter doneQueue = Parameter.string("DoneQueueUrl");

    Task create = Task.named("CreateCluster").call(AwsSdk.optimized(
            software.amazon.awssdk.services.emr.model.RunJobFlowRequest.builder().name("nightly")
                .releaseLabel("emr-7.1.0").serviceRole("EMR_DefaultRole").jobFlowRole("EMR_EC2_DefaultRole")
                .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(3).masterInstanceType("m5.xlarge"))
                .build()).sync())
        .resultSelector(Json.object().put("ClusterId", Path.input().field("ClusterId")))
        .resultPath(Path.input().field("cluster"));
    EmrCluster cluster = EmrCluster.id(Path.input().field("cluster").field("ClusterId"));
    Task hive = Task.named("RunHive").call(cluster.addStep(StepConfig.builder().name("hive")
            .hadoopJarStep(j -> j.jar("command-runner.jar").args("hive-script", "--run-hive-script")).build()).sync())
        .discardResult();
    Task terminate = Task.named("TerminateCluster").call(cluster.terminate().sync()).discardResult();
    Task spark = Task.named("RunOnEks").call(AwsSdk.optimized(StartJobRunRequest.builder().name("trips")
            .virtualClusterId(AwsSdk.text(virtualCluster.ref())).executionRoleArn(AwsSdk.text(jobRole.ref()))
            .releaseLabel("emr-6.2.0-latest")
            .jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://jobs/trip-count.py"))).build()).sync())
        .discardResult();
    Task report = Task.named("Report").call(ApiGatewayInvoke.post(reportsApi.ref()).stage("prod").path("reports")
            .requestBody(Json.object().put("cluster", Path.input().field("cluster").field("ClusterId")).build())
            .authType(ApiGatewayInvoke.AuthType.IAM_ROLE))
        .discardResult();
    Task done = Task.named("Done").call(AwsSdk.optimized(SendMessageRequest.builder()
        .queueUrl(AwsSdk.text(doneQueue.ref())).messageBody("nightly cluster jobs done").build()));
    create.next(hive).next(terminate).next(spark).next(report).next(done);

    return WorkflowSpec.builder(StateMachine.startWith(create))
        .description("Runs the nightly jobs on EMR and EMR on EKS and reports them")
        .parameters(virtualCluster, jobRole, reportsApi, doneQueue)
        .build();
  }
}
