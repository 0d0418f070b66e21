package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.asl.validate.IntegrationErrorNames;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.IntegrationPattern;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetReportsRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.glue.model.StartJobRunRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateModelRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateProcessingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTransformJobRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/** The catalogue of optimized integrations, row by row, and the error names each raises. */
class OptimizedCatalogueTest {

  private static final String RULES = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";
  private static final List<String> RULE_ACTIONS = List.of("events:PutTargets", "events:PutRule", "events:DescribeRule");

  @Test
  void everyRowWithItsResourcePatternsErrorsAndSyncGrants() {
    List<String> rows = new ArrayList<>();
    for (OptimizedIntegrations.Integration row : OptimizedIntegrations.all()) {
      rows.add(row.operation() + " -> " + EnumSet.copyOf(row.patterns()).stream().map(row::resource)
          .collect(Collectors.joining(" ")) + " | errors " + row.errorPrefix() + ".*"
          + row.errorNamesPage().map(page -> " per " + page.substring(page.lastIndexOf('/') + 1)).orElse(" (AWS names none)")
          + (row.syncActions().isEmpty() ? "" : " | .sync " + row.syncActions() + " on " + row.syncResources()
              + (row.rule().isEmpty() ? "" : " + rule/" + row.rule())));
    }
    assertThat(rows).containsExactly(
        "athena:getQueryExecution -> arn:aws:states:::athena:getQueryExecution | errors Athena.* (AWS names none)",
        "athena:getQueryResults -> arn:aws:states:::athena:getQueryResults | errors Athena.* (AWS names none)",
        "athena:startQueryExecution -> arn:aws:states:::athena:startQueryExecution arn:aws:states:::athena:startQueryExecution.sync | errors Athena.* (AWS names none) | .sync [athena:StopQueryExecution, athena:GetQueryExecution] on SAME_AS_CALL",
        "athena:stopQueryExecution -> arn:aws:states:::athena:stopQueryExecution | errors Athena.* (AWS names none)",
        "batch:submitJob -> arn:aws:states:::batch:submitJob arn:aws:states:::batch:submitJob.sync | errors Batch.* (AWS names none) | .sync [batch:DescribeJobs, batch:TerminateJob] on ANY + rule/StepFunctionsGetEventsForBatchJobsRule",
        "bedrock:createModelCustomizationJob -> arn:aws:states:::bedrock:createModelCustomizationJob arn:aws:states:::bedrock:createModelCustomizationJob.sync | errors Bedrock.* (AWS names none) | .sync [bedrock:GetModelCustomizationJob, bedrock:StopModelCustomizationJob] on LISTED",
        "codebuild:batchDeleteBuilds -> arn:aws:states:::codebuild:batchDeleteBuilds | errors CodeBuild.* (AWS names none)",
        "codebuild:batchGetReports -> arn:aws:states:::codebuild:batchGetReports | errors CodeBuild.* (AWS names none)",
        "codebuild:deleteBuildBatch -> arn:aws:states:::codebuild:deleteBuildBatch | errors CodeBuild.* (AWS names none)",
        "codebuild:retryBuildBatch -> arn:aws:states:::codebuild:retryBuildBatch arn:aws:states:::codebuild:retryBuildBatch.sync | errors CodeBuild.* (AWS names none) | .sync [codebuild:StopBuildBatch, codebuild:BatchGetBuildBatches] on SAME_AS_CALL + rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule",
        "codebuild:startBuild -> arn:aws:states:::codebuild:startBuild arn:aws:states:::codebuild:startBuild.sync | errors CodeBuild.* (AWS names none) | .sync [codebuild:StopBuild, codebuild:BatchGetBuilds] on SAME_AS_CALL + rule/StepFunctionsGetEventForCodeBuildStartBuildRule",
        "codebuild:startBuildBatch -> arn:aws:states:::codebuild:startBuildBatch arn:aws:states:::codebuild:startBuildBatch.sync | errors CodeBuild.* (AWS names none) | .sync [codebuild:StopBuildBatch, codebuild:BatchGetBuildBatches] on SAME_AS_CALL + rule/StepFunctionsGetEventForCodeBuildStartBuildBatchRule",
        "codebuild:stopBuild -> arn:aws:states:::codebuild:stopBuild | errors CodeBuild.* (AWS names none)",
        "codebuild:stopBuildBatch -> arn:aws:states:::codebuild:stopBuildBatch | errors CodeBuild.* (AWS names none)",
        "databrew:startJobRun -> arn:aws:states:::databrew:startJobRun arn:aws:states:::databrew:startJobRun.sync | errors DataBrew.* (AWS names none) | .sync [databrew:ListJobRuns, databrew:StopJobRun] on SAME_AS_CALL",
        "dynamodb:deleteItem -> arn:aws:states:::dynamodb:deleteItem | errors DynamoDB.* per connect-ddb.html",
        "dynamodb:getItem -> arn:aws:states:::dynamodb:getItem | errors DynamoDB.* per connect-ddb.html",
        "dynamodb:putItem -> arn:aws:states:::dynamodb:putItem | errors DynamoDB.* per connect-ddb.html",
        "dynamodb:updateItem -> arn:aws:states:::dynamodb:updateItem | errors DynamoDB.* per connect-ddb.html",
        "ecs:runTask -> arn:aws:states:::ecs:runTask arn:aws:states:::ecs:runTask.sync arn:aws:states:::ecs:runTask.waitForTaskToken | errors ECS.* (AWS names none) | .sync [ecs:StopTask, ecs:DescribeTasks] on ANY + rule/StepFunctionsGetEventsForECSTaskRule",
        "eks:createCluster -> arn:aws:states:::eks:createCluster arn:aws:states:::eks:createCluster.sync | errors EKS.* per connect-eks.html | .sync [eks:DescribeCluster, eks:DeleteCluster] on LISTED",
        "eks:createFargateProfile -> arn:aws:states:::eks:createFargateProfile arn:aws:states:::eks:createFargateProfile.sync | errors EKS.* per connect-eks.html",
        "eks:createNodegroup -> arn:aws:states:::eks:createNodegroup arn:aws:states:::eks:createNodegroup.sync | errors EKS.* per connect-eks.html | .sync [eks:DescribeNodegroup, eks:DeleteNodegroup] on LISTED",
        "eks:deleteCluster -> arn:aws:states:::eks:deleteCluster arn:aws:states:::eks:deleteCluster.sync | errors EKS.* per connect-eks.html | .sync [eks:DescribeCluster] on SAME_AS_CALL",
        "eks:deleteFargateProfile -> arn:aws:states:::eks:deleteFargateProfile arn:aws:states:::eks:deleteFargateProfile.sync | errors EKS.* per connect-eks.html",
        "eks:deleteNodegroup -> arn:aws:states:::eks:deleteNodegroup arn:aws:states:::eks:deleteNodegroup.sync | errors EKS.* per connect-eks.html | .sync [eks:DescribeNodegroup] on SAME_AS_CALL",
        "emr:runJobFlow -> arn:aws:states:::elasticmapreduce:createCluster arn:aws:states:::elasticmapreduce:createCluster.sync | errors EMR.* (AWS names none) | .sync [elasticmapreduce:DescribeCluster, elasticmapreduce:TerminateJobFlows] on LISTED + rule/StepFunctionsGetEventForEMRRunJobFlowRule",
        "emrcontainers:createVirtualCluster -> arn:aws:states:::emr-containers:createVirtualCluster | errors EmrContainers.* (AWS names none)",
        "emrcontainers:deleteVirtualCluster -> arn:aws:states:::emr-containers:deleteVirtualCluster arn:aws:states:::emr-containers:deleteVirtualCluster.sync | errors EmrContainers.* (AWS names none) | .sync [emr-containers:DescribeVirtualCluster] on SAME_AS_CALL",
        "emrcontainers:startJobRun -> arn:aws:states:::emr-containers:startJobRun arn:aws:states:::emr-containers:startJobRun.sync | errors EmrContainers.* (AWS names none) | .sync [emr-containers:DescribeJobRun, emr-containers:CancelJobRun] on JOB_RUNS_OF_CALL",
        "emrserverless:cancelJobRun -> arn:aws:states:::emr-serverless:cancelJobRun arn:aws:states:::emr-serverless:cancelJobRun.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetJobRun] on SAME_AS_CALL + rule/StepFunctionsGetEventsForEMRServerlessJobRule",
        "emrserverless:createApplication -> arn:aws:states:::emr-serverless:createApplication arn:aws:states:::emr-serverless:createApplication.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetApplication, emr-serverless:DeleteApplication] on LISTED + rule/StepFunctionsGetEventsForEMRServerlessApplicationRule",
        "emrserverless:deleteApplication -> arn:aws:states:::emr-serverless:deleteApplication arn:aws:states:::emr-serverless:deleteApplication.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetApplication] on SAME_AS_CALL + rule/StepFunctionsGetEventsForEMRServerlessApplicationRule",
        "emrserverless:startApplication -> arn:aws:states:::emr-serverless:startApplication arn:aws:states:::emr-serverless:startApplication.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetApplication, emr-serverless:StopApplication] on SAME_AS_CALL + rule/StepFunctionsGetEventsForEMRServerlessApplicationRule",
        "emrserverless:startJobRun -> arn:aws:states:::emr-serverless:startJobRun arn:aws:states:::emr-serverless:startJobRun.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetJobRun, emr-serverless:CancelJobRun] on JOB_RUNS_OF_CALL + rule/StepFunctionsGetEventsForEMRServerlessJobRule",
        "emrserverless:stopApplication -> arn:aws:states:::emr-serverless:stopApplication arn:aws:states:::emr-serverless:stopApplication.sync | errors EmrServerless.* (AWS names none) | .sync [emr-serverless:GetApplication] on SAME_AS_CALL + rule/StepFunctionsGetEventsForEMRServerlessApplicationRule",
        "eventbridge:putEvents -> arn:aws:states:::events:putEvents arn:aws:states:::events:putEvents.waitForTaskToken | errors EventBridge.* per connect-eventbridge.html",
        "glue:startJobRun -> arn:aws:states:::glue:startJobRun arn:aws:states:::glue:startJobRun.sync | errors Glue.* (AWS names none) | .sync [glue:GetJobRun, glue:GetJobRuns, glue:BatchStopJobRun] on SAME_AS_CALL",
        "mediaconvert:createJob -> arn:aws:states:::mediaconvert:createJob arn:aws:states:::mediaconvert:createJob.sync | errors MediaConvert.* (AWS names none) | .sync [mediaconvert:GetJob, mediaconvert:CancelJob] on LISTED + rule/StepFunctionsGetEventsForMediaConvertJobRule",
        "sagemaker:createModel -> arn:aws:states:::sagemaker:createModel | errors SageMaker.* (AWS names none)",
        "sagemaker:createProcessingJob -> arn:aws:states:::sagemaker:createProcessingJob arn:aws:states:::sagemaker:createProcessingJob.sync | errors SageMaker.* (AWS names none) | .sync [sagemaker:DescribeProcessingJob, sagemaker:StopProcessingJob] on SAME_AS_CALL + rule/StepFunctionsGetEventsForSageMakerProcessingJobsRule",
        "sagemaker:createTrainingJob -> arn:aws:states:::sagemaker:createTrainingJob arn:aws:states:::sagemaker:createTrainingJob.sync | errors SageMaker.* (AWS names none) | .sync [sagemaker:DescribeTrainingJob, sagemaker:StopTrainingJob] on SAME_AS_CALL + rule/StepFunctionsGetEventsForSageMakerTrainingJobsRule",
        "sagemaker:createTransformJob -> arn:aws:states:::sagemaker:createTransformJob arn:aws:states:::sagemaker:createTransformJob.sync | errors SageMaker.* (AWS names none) | .sync [sagemaker:DescribeTransformJob, sagemaker:StopTransformJob] on SAME_AS_CALL + rule/StepFunctionsGetEventsForSageMakerTransformJobsRule",
        "sfn:startExecution -> arn:aws:states:::states:startExecution arn:aws:states:::states:startExecution.sync arn:aws:states:::states:startExecution.sync:2 arn:aws:states:::states:startExecution.waitForTaskToken | errors StepFunctions.* (AWS names none) | .sync [states:DescribeExecution, states:StopExecution] on CHILD_EXECUTIONS + rule/StepFunctionsGetEventsForStepFunctionsExecutionRule",
        "sns:publish -> arn:aws:states:::sns:publish arn:aws:states:::sns:publish.waitForTaskToken | errors SNS.* (AWS names none)",
        "sqs:sendMessage -> arn:aws:states:::sqs:sendMessage arn:aws:states:::sqs:sendMessage.waitForTaskToken | errors SQS.* (AWS names none)");
  }

  @Test
  void glueStartJobRunSyncPollsTheJobRun() {
    OptimizedCall run = AwsSdk.optimized(StartJobRunRequest.builder().jobName("nightly-etl").build());
    String job = "arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/nightly-etl";
    assertThat(run.resource()).isEqualTo("arn:aws:states:::glue:startJobRun");
    assertThat(run.iamStatements()).containsExactly(IamStatement.allow("glue:StartJobRun", job));
    assertThat(run.sync().resource()).isEqualTo("arn:aws:states:::glue:startJobRun.sync");
    assertThat(run.sync().iamStatements()).containsExactly(
        IamStatement.allow("glue:StartJobRun", job),
        IamStatement.allow(List.of("glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"), List.of(job)));
    assertThat(run.error("EntityNotFoundException")).isEqualTo("Glue.EntityNotFoundException");
    assertThatThrownBy(run::syncJson).hasMessage("the optimized glue:startJobRun integration supports "
        + "request-response and .sync, not .sync:2 (https://docs.aws.amazon.com/step-functions/latest/dg/glue-iam.html)");
  }

  @Test
  void codeBuildStartBuildSyncListensOnItsRule() {
    OptimizedCall build = AwsSdk.optimized(StartBuildRequest.builder().projectName("site").build()).sync();
    String project = "arn:${AWS::Partition}:codebuild:${AWS::Region}:${AWS::AccountId}:project/site";
    assertThat(build.resource()).isEqualTo("arn:aws:states:::codebuild:startBuild.sync");
    assertThat(build.iamStatements()).containsExactly(
        IamStatement.allow("codebuild:StartBuild", project),
        IamStatement.allow(List.of("codebuild:StopBuild", "codebuild:BatchGetBuilds"), List.of(project)),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventForCodeBuildStartBuildRule")));
    assertThat(AwsSdk.optimized(StopBuildRequest.builder().id("site:1").build()).resource())
        .isEqualTo("arn:aws:states:::codebuild:stopBuild");
    assertThat(AwsSdk.optimized(BatchGetReportsRequest.builder().reportArns("arn:aws:codebuild:eu-west-1:111122223333:report/r").build())
        .resource()).isEqualTo("arn:aws:states:::codebuild:batchGetReports");
  }

  @Test
  void athenaStartQueryExecutionSyncPollsTheQueryInItsWorkGroup() {
    OptimizedCall query = AwsSdk.optimized(StartQueryExecutionRequest.builder()
        .queryString("SELECT * FROM orders LIMIT 10").workGroup("reports").build());
    String workGroup = "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/reports";
    IamStatement catalogs = IamStatement.allow("athena:GetDataCatalog",
        "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:datacatalog/*");
    assertThat(query.resource()).isEqualTo("arn:aws:states:::athena:startQueryExecution");
    assertThat(query.iamStatements()).containsExactly(IamStatement.allow("athena:StartQueryExecution", workGroup), catalogs);
    assertThat(query.sync().resource()).isEqualTo("arn:aws:states:::athena:startQueryExecution.sync");
    assertThat(query.sync().iamStatements()).containsExactly(
        IamStatement.allow("athena:StartQueryExecution", workGroup),
        IamStatement.allow(List.of("athena:StopQueryExecution", "athena:GetQueryExecution"), List.of(workGroup)),
        catalogs);
    assertThat(query.error("InvalidRequestException")).isEqualTo("Athena.InvalidRequestException");
    assertThatThrownBy(query::syncJson).hasMessage("the optimized athena:startQueryExecution integration supports "
        + "request-response and .sync, not .sync:2 (https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html)");
  }

  @Test
  void athenaStopGetAndResultsAreRequestResponseOnAnyWorkGroupOfTheAccount() {
    // The request names only the query execution, whose work group is known at run time.
    String anyWorkGroup = "arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/*";
    OptimizedCall stop = AwsSdk.optimized(StopQueryExecutionRequest.builder().queryExecutionId("q-1").build());
    OptimizedCall get = AwsSdk.optimized(GetQueryExecutionRequest.builder().queryExecutionId("q-1").build());
    OptimizedCall results = AwsSdk.optimized(GetQueryResultsRequest.builder().queryExecutionId("q-1").maxResults(100).build());
    assertThat(List.of(stop.resource(), get.resource(), results.resource())).containsExactly(
        "arn:aws:states:::athena:stopQueryExecution", "arn:aws:states:::athena:getQueryExecution",
        "arn:aws:states:::athena:getQueryResults");
    assertThat(stop.iamStatements()).containsExactly(IamStatement.allow("athena:StopQueryExecution", anyWorkGroup));
    assertThat(get.iamStatements()).containsExactly(IamStatement.allow("athena:GetQueryExecution", anyWorkGroup));
    assertThat(results.iamStatements()).containsExactly(IamStatement.allow("athena:GetQueryResults", anyWorkGroup));
    assertThatThrownBy(results::sync).hasMessage("the optimized athena:getQueryResults integration supports "
        + "request-response, not .sync (https://docs.aws.amazon.com/step-functions/latest/dg/connect-athena.html)");
  }

  private static final IamStatement LIST_TAGS = IamStatement.allowOnAnyResource(List.of("sagemaker:ListTags"),
      "the policy AWS generates for the optimized SageMaker integration grants sagemaker:ListTags on * for every "
          + "pattern (https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html)");

  private static IamStatement passRoleToSageMaker(String role) {
    return IamStatement.allow("iam:PassRole", role)
        .withCondition("StringEquals", "iam:PassedToService", List.of("sagemaker.amazonaws.com"));
  }

  @Test
  void sageMakerTrainingJobSyncListensOnItsRuleAndPassesItsRoleToSageMakerOnly() {
    OptimizedCall training = AwsSdk.optimized(CreateTrainingJobRequest.builder().trainingJobName("churn")
        .roleArn("arn:aws:iam::111122223333:role/SageMakerTraining").build());
    String job = "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:training-job/churn";
    assertThat(training.iamStatements()).containsExactly(
        IamStatement.allow("sagemaker:CreateTrainingJob", job),
        LIST_TAGS,
        passRoleToSageMaker("arn:aws:iam::111122223333:role/SageMakerTraining"));
    assertThat(training.sync().resource()).isEqualTo("arn:aws:states:::sagemaker:createTrainingJob.sync");
    assertThat(training.sync().iamStatements()).containsExactly(
        IamStatement.allow("sagemaker:CreateTrainingJob", job),
        IamStatement.allow(List.of("sagemaker:DescribeTrainingJob", "sagemaker:StopTrainingJob"), List.of(job)),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForSageMakerTrainingJobsRule")),
        LIST_TAGS,
        passRoleToSageMaker("arn:aws:iam::111122223333:role/SageMakerTraining"));
    assertThat(training.error("ResourceLimitExceededException")).isEqualTo("SageMaker.ResourceLimitExceededException");
    assertThatThrownBy(training::syncJson).hasMessage("the optimized sagemaker:createTrainingJob integration supports "
        + "request-response and .sync, not .sync:2 (https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html)");
  }

  @Test
  void sageMakerTransformJobPassesNoRole() {
    OptimizedCall transform = AwsSdk.optimized(CreateTransformJobRequest.builder().transformJobName("score")
        .modelName("churn").build()).sync();
    String job = "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:transform-job/score";
    assertThat(transform.resource()).isEqualTo("arn:aws:states:::sagemaker:createTransformJob.sync");
    assertThat(transform.iamStatements()).containsExactly(
        IamStatement.allow("sagemaker:CreateTransformJob", job),
        IamStatement.allow(List.of("sagemaker:DescribeTransformJob", "sagemaker:StopTransformJob"), List.of(job)),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForSageMakerTransformJobsRule")),
        LIST_TAGS);
  }

  @Test
  void sageMakerProcessingJobWithItsRoleFromTheTemplate() {
    OptimizedCall processing = AwsSdk.optimized(CreateProcessingJobRequest.builder().processingJobName("prepare")
        .roleArn(AwsSdk.text(Placeholder.string("ProcessingRoleArn"))).build()).sync();
    String job = "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:processing-job/prepare";
    assertThat(processing.resource()).isEqualTo("arn:aws:states:::sagemaker:createProcessingJob.sync");
    assertThat(processing.iamStatements()).containsExactly(
        IamStatement.allow("sagemaker:CreateProcessingJob", job),
        IamStatement.allow(List.of("sagemaker:DescribeProcessingJob", "sagemaker:StopProcessingJob"), List.of(job)),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForSageMakerProcessingJobsRule")),
        LIST_TAGS,
        passRoleToSageMaker("${ProcessingRoleArn}"));
  }

  @Test
  void sageMakerCreateModelPassesItsExecutionRoleKnownAtRunTimeAsAnyRoleOfTheAccount() {
    OptimizedCall model = AwsSdk.optimized(CreateModelRequest.builder().modelName("churn").build())
        .with("ExecutionRoleArn", Path.input().field("roleArn"));
    assertThat(model.resource()).isEqualTo("arn:aws:states:::sagemaker:createModel");
    assertThat(model.iamStatements()).containsExactly(
        IamStatement.allow("sagemaker:CreateModel", "arn:${AWS::Partition}:sagemaker:${AWS::Region}:${AWS::AccountId}:model/churn"),
        LIST_TAGS,
        passRoleToSageMaker("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*"));
    assertThatThrownBy(model::sync).hasMessage("the optimized sagemaker:createModel integration supports "
        + "request-response, not .sync (https://docs.aws.amazon.com/step-functions/latest/dg/sagemaker-iam.html)");
  }

  private static final String BEDROCK = "arn:${AWS::Partition}:bedrock:${AWS::Region}:";

  /** connect-bedrock.html: "IAM policy example to access a specific foundation model using CreateModelCustomizationJob.sync". */
  @Test
  void bedrockModelCustomizationJobAsAwsPageGrantsIt() {
    OptimizedCall customize = AwsSdk.optimized(software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest
        .builder().jobName("tune").customModelName("support-bot").baseModelIdentifier("amazon.titan-text-express-v1")
        .roleArn(AwsSdk.text(Placeholder.string("CustomizationRoleArn"))).build());
    IamStatement create = IamStatement.allow(List.of("bedrock:CreateModelCustomizationJob"), List.of(
        BEDROCK + ":foundation-model/amazon.titan-text-express-v1",
        BEDROCK + "${AWS::AccountId}:custom-model/*",
        BEDROCK + "${AWS::AccountId}:model-customization-job/*"));
    IamStatement passRole = IamStatement.allow("iam:PassRole", "${CustomizationRoleArn}")
        .withCondition("StringEquals", "iam:PassedToService", List.of("bedrock.amazonaws.com"));
    assertThat(customize.resource()).isEqualTo("arn:aws:states:::bedrock:createModelCustomizationJob");
    assertThat(customize.iamStatements()).containsExactly(create, passRole);
    assertThat(customize.sync().resource()).isEqualTo("arn:aws:states:::bedrock:createModelCustomizationJob.sync");
    assertThat(customize.sync().iamStatements()).containsExactly(create,
        IamStatement.allow(List.of("bedrock:GetModelCustomizationJob", "bedrock:StopModelCustomizationJob"),
            List.of(BEDROCK + "${AWS::AccountId}:model-customization-job/*")),
        passRole);
    assertThat(customize.error("ValidationException")).isEqualTo("Bedrock.ValidationException");
    assertThatThrownBy(customize::waitForTaskToken).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(customize::syncJson).hasMessage("the optimized bedrock:createModelCustomizationJob integration "
        + "supports request-response and .sync, not .sync:2 (https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html)");
  }

  /** connect-bedrock.html: "... to access a custom model using CreateModelCustomizationJob.sync"; a base chosen at run time. */
  @Test
  void bedrockModelCustomizationOfACustomModelOrOneChosenAtRunTime() {
    OptimizedCall custom = AwsSdk.optimized(software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest
        .builder().jobName("tune").customModelName("v2").roleArn("arn:aws:iam::111122223333:role/Tuning")
        .baseModelIdentifier("arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/abc").build());
    assertThat(custom.iamStatements().get(0)).isEqualTo(IamStatement.allow(List.of("bedrock:CreateModelCustomizationJob"),
        List.of(BEDROCK + "${AWS::AccountId}:custom-model/*", BEDROCK + "${AWS::AccountId}:model-customization-job/*")));
    OptimizedCall anyBase = AwsSdk.optimized(software.amazon.awssdk.services.bedrock.model.CreateModelCustomizationJobRequest
        .builder().jobName("tune").customModelName("v2").roleArn("arn:aws:iam::111122223333:role/Tuning").build())
        .with("BaseModelIdentifier", Path.input().field("base"));
    assertThat(anyBase.iamStatements().get(0).resources()).containsExactly(BEDROCK + ":foundation-model/*",
        BEDROCK + "${AWS::AccountId}:custom-model/*", BEDROCK + "${AWS::AccountId}:model-customization-job/*");
  }

  /** connect-bedrock.html: InvokeModel on a specific foundation model, a provisioned model, or (full access) any. */
  @Test
  void bedrockInvokeModelGrantsTheModel() {
    BedrockInvokeModel invoke = BedrockInvokeModel.model("amazon.titan-text-express-v1")
        .body(io.statecraft.dsl.Json.object().put("inputText", Path.input().field("text")).build())
        .contentType("application/json").accept("*/*");
    assertThat(invoke.resource()).isEqualTo("arn:aws:states:::bedrock:invokeModel");
    assertThat(invoke.payload().fields().keySet()).containsExactly("ModelId", "Body", "ContentType", "Accept");
    assertThat(invoke.iamStatements()).containsExactly(IamStatement.allow("bedrock:InvokeModel",
        BEDROCK + ":foundation-model/amazon.titan-text-express-v1"));
    assertThat(BedrockInvokeModel.model("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/c2oi931ulksx")
        .body(Path.input()).iamStatements()).containsExactly(IamStatement.allow("bedrock:InvokeModel",
            "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/c2oi931ulksx"));
    assertThat(BedrockInvokeModel.model(Placeholder.string("ModelId")).body(Path.input()).iamStatements())
        .containsExactly(IamStatement.allow("bedrock:InvokeModel", BEDROCK + ":foundation-model/${ModelId}"));
    assertThat(BedrockInvokeModel.model(Path.input().field("model")).input(io.statecraft.dsl.Value.of("s3://in/prompt.json"))
        .output(io.statecraft.dsl.Value.of("s3://out/")).iamStatements()).containsExactly(IamStatement.allow(
            List.of("bedrock:InvokeModel"), List.of(BEDROCK + ":foundation-model/*", BEDROCK + "${AWS::AccountId}:provisioned-model/*")));
    assertThatThrownBy(BedrockInvokeModel.model("amazon.titan-text-express-v1")::payload)
        .hasMessage("bedrock:invokeModel of " + io.statecraft.dsl.Value.of("amazon.titan-text-express-v1") + ": give the "
            + "model's input with exactly one of .body(value) and .input(s3Uri) "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-bedrock.html)");
    assertThatThrownBy(() -> AwsSdk.optimized(software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest
        .builder().modelId("amazon.titan-text-express-v1").build()))
        .hasMessageStartingWith("bedrockruntime:invokeModel has no optimized integration; use BedrockInvokeModel.model(...)");
  }

  /** connect-emr-serverless.html: "IAM policy example for StartJobRun", static resources. */
  @Test
  void emrServerlessStartJobRunAsAwsPageGrantsIt() {
    OptimizedCall run = AwsSdk.optimized(software.amazon.awssdk.services.emrserverless.model.StartJobRunRequest.builder()
        .applicationId(AwsSdk.text(Placeholder.string("SparkApplication")))
        .executionRoleArn("arn:aws:iam::111122223333:role/SparkJob").build());
    String application = "arn:${AWS::Partition}:emr-serverless:${AWS::Region}:${AWS::AccountId}:/applications/${SparkApplication}";
    IamStatement start = IamStatement.allow("emr-serverless:StartJobRun", application);
    IamStatement passRole = IamStatement.allow("iam:PassRole", "arn:aws:iam::111122223333:role/SparkJob")
        .withCondition("StringEquals", "iam:PassedToService", List.of("emr-serverless.amazonaws.com"));
    assertThat(run.resource()).isEqualTo("arn:aws:states:::emr-serverless:startJobRun");
    assertThat(run.iamStatements()).containsExactly(start, passRole);
    assertThat(run.sync().resource()).isEqualTo("arn:aws:states:::emr-serverless:startJobRun.sync");
    assertThat(run.sync().iamStatements()).containsExactly(start,
        IamStatement.allow(List.of("emr-serverless:GetJobRun", "emr-serverless:CancelJobRun"), List.of(application + "/jobruns/*")),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForEMRServerlessJobRule")),
        passRole);
    assertThatThrownBy(run::waitForTaskToken).isInstanceOf(IllegalArgumentException.class);
  }

  /** connect-mediaconvert.html: CreateJob, and .sync's GetJob/CancelJob on jobs Step Functions tagged. */
  @Test
  void mediaConvertCreateJobAsAwsPageGrantsIt() {
    OptimizedCall job = AwsSdk.optimized(software.amazon.awssdk.services.mediaconvert.model.CreateJobRequest.builder()
        .role("arn:aws:iam::111122223333:role/MediaConvert").build());
    String mc = "arn:${AWS::Partition}:mediaconvert:${AWS::Region}:${AWS::AccountId}:";
    IamStatement create = IamStatement.allow(List.of("mediaconvert:CreateJob"),
        List.of(mc + "jobTemplates/*", mc + "presets/*", mc + "queues/*"));
    IamStatement passRole = IamStatement.allow("iam:PassRole", "arn:aws:iam::111122223333:role/MediaConvert")
        .withCondition("StringEquals", "iam:PassedToService", List.of("mediaconvert.amazonaws.com"));
    assertThat(job.resource()).isEqualTo("arn:aws:states:::mediaconvert:createJob");
    assertThat(job.iamStatements()).containsExactly(create, passRole);
    assertThat(job.sync().resource()).isEqualTo("arn:aws:states:::mediaconvert:createJob.sync");
    assertThat(job.sync().iamStatements()).containsExactly(create,
        IamStatement.allow(List.of("mediaconvert:GetJob", "mediaconvert:CancelJob"), List.of(mc + "jobs/*"))
            .withCondition("StringEquals", "aws:ResourceTag/ManagedByService", List.of("AWSStepFunctions")),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForMediaConvertJobRule")),
        passRole);
    assertThat(job.error("BadRequestException")).isEqualTo("MediaConvert.BadRequestException");
  }

  /** connect-databrew.html: startJobRun on job/*, and .sync adds listJobRuns and stopJobRun there. */
  @Test
  void dataBrewStartJobRunAsAwsPageGrantsIt() {
    OptimizedCall run = AwsSdk.optimized(software.amazon.awssdk.services.databrew.model.StartJobRunRequest.builder()
        .name("clean-customers").build());
    String jobs = "arn:${AWS::Partition}:databrew:${AWS::Region}:${AWS::AccountId}:job/*";
    assertThat(run.resource()).isEqualTo("arn:aws:states:::databrew:startJobRun");
    assertThat(run.iamStatements()).containsExactly(IamStatement.allow("databrew:StartJobRun", jobs));
    assertThat(run.sync().resource()).isEqualTo("arn:aws:states:::databrew:startJobRun.sync");
    assertThat(run.sync().iamStatements()).containsExactly(IamStatement.allow("databrew:StartJobRun", jobs),
        IamStatement.allow(List.of("databrew:ListJobRuns", "databrew:StopJobRun"), List.of(jobs)));
    assertThat(run.error("ResourceNotFoundException")).isEqualTo("DataBrew.ResourceNotFoundException");
  }

  private static final String VIRTUAL_CLUSTERS = "arn:${AWS::Partition}:emr-containers:${AWS::Region}:${AWS::AccountId}:/virtualclusters/";

  /** emr-eks-iam.html, CreateVirtualCluster: the call on *, and the service-linked role it may create. */
  @Test
  void emrOnEksCreateVirtualClusterAsAwsPageGrantsIt() {
    OptimizedCall create = AwsSdk.optimized(software.amazon.awssdk.services.emrcontainers.model.CreateVirtualClusterRequest
        .builder().name("analytics").containerProvider(p -> p.id("data-cluster").type("EKS")
            .info(i -> i.eksInfo(e -> e.namespace("spark")))).build());
    assertThat(create.resource()).isEqualTo("arn:aws:states:::emr-containers:createVirtualCluster");
    assertThat(create.iamStatements()).containsExactly(
        IamStatement.allowOnAnyResource(List.of("emr-containers:CreateVirtualCluster"), "emr-containers:CreateVirtualCluster "
            + "supports no resource-level permissions (AWS Service Authorization Reference), so IAM can grant it only on all resources"),
        IamStatement.allow("iam:CreateServiceLinkedRole", "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
            + "emr-containers.amazonaws.com/AWSServiceRoleForAmazonEMRContainers")
            .withCondition("StringLike", "iam:AWSServiceName", List.of("emr-containers.amazonaws.com")));
    assertThat(create.error("ValidationException")).isEqualTo("EmrContainers.ValidationException");
    assertThatThrownBy(create::sync).hasMessage("the optimized emr-containers:createVirtualCluster integration supports "
        + "request-response, not .sync (https://docs.aws.amazon.com/step-functions/latest/dg/emr-eks-iam.html)");
  }

  /** emr-eks-iam.html, DeleteVirtualCluster: static resources, request-response and .sync. */
  @Test
  void emrOnEksDeleteVirtualClusterSyncDescribesTheCluster() {
    OptimizedCall delete = AwsSdk.optimized(software.amazon.awssdk.services.emrcontainers.model.DeleteVirtualClusterRequest
        .builder().id(AwsSdk.text(Placeholder.string("VirtualClusterId"))).build());
    String cluster = VIRTUAL_CLUSTERS + "${VirtualClusterId}";
    assertThat(delete.iamStatements()).containsExactly(IamStatement.allow("emr-containers:DeleteVirtualCluster", cluster));
    assertThat(delete.sync().resource()).isEqualTo("arn:aws:states:::emr-containers:deleteVirtualCluster.sync");
    assertThat(delete.sync().iamStatements()).containsExactly(
        IamStatement.allow("emr-containers:DeleteVirtualCluster", cluster),
        IamStatement.allow("emr-containers:DescribeVirtualCluster", cluster));
  }

  /** emr-eks-iam.html, StartJobRun: on the virtual cluster for the job's role only; .sync on its job runs. */
  @Test
  void emrOnEksStartJobRunIsLimitedToTheJobsRole() {
    OptimizedCall run = AwsSdk.optimized(software.amazon.awssdk.services.emrcontainers.model.StartJobRunRequest.builder()
        .name("trips").virtualClusterId("vc-123").releaseLabel("emr-6.2.0-latest")
        .executionRoleArn("arn:aws:iam::111122223333:role/job-execution-role")
        .jobDriver(d -> d.sparkSubmitJobDriver(s -> s.entryPoint("s3://jobs/trip-count.py"))).build());
    IamStatement start = IamStatement.allow("emr-containers:StartJobRun", VIRTUAL_CLUSTERS + "vc-123")
        .withCondition("StringEquals", "emr-containers:ExecutionRoleArn",
            List.of("arn:aws:iam::111122223333:role/job-execution-role"));
    assertThat(run.resource()).isEqualTo("arn:aws:states:::emr-containers:startJobRun");
    assertThat(run.iamStatements()).containsExactly(start);
    assertThat(run.sync().iamStatements()).containsExactly(start, IamStatement.allow(
        List.of("emr-containers:DescribeJobRun", "emr-containers:CancelJobRun"), List.of(VIRTUAL_CLUSTERS + "vc-123/jobruns/*")));
    OptimizedCall anyRole = run.with("ExecutionRoleArn", Path.input().field("role"));
    assertThat(anyRole.iamStatements()).containsExactly(IamStatement.allow("emr-containers:StartJobRun",
        VIRTUAL_CLUSTERS + "vc-123").withCondition("StringLike", "emr-containers:ExecutionRoleArn",
            List.of("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*")));
  }

  /** codebuild-iam.html#codebuild-iam-startbuildbatch: the project, and .sync's stop, read and rule. */
  @Test
  void codeBuildBatchBuildsStartAndRetry() {
    String project = "arn:${AWS::Partition}:codebuild:${AWS::Region}:${AWS::AccountId}:project/";
    IamStatement rule = IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventForCodeBuildStartBuildBatchRule"));
    OptimizedCall start = AwsSdk.optimized(software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest.builder()
        .projectName("site").build());
    assertThat(start.resource()).isEqualTo("arn:aws:states:::codebuild:startBuildBatch");
    assertThat(start.iamStatements()).containsExactly(IamStatement.allow("codebuild:StartBuildBatch", project + "site"));
    assertThat(start.sync().resource()).isEqualTo("arn:aws:states:::codebuild:startBuildBatch.sync");
    assertThat(start.sync().iamStatements()).containsExactly(
        IamStatement.allow("codebuild:StartBuildBatch", project + "site"),
        IamStatement.allow(List.of("codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"), List.of(project + "site")),
        rule);
    // The retry names the batch build, whose project Statecraft does not read: any project of the stack's account.
    OptimizedCall retry = AwsSdk.optimized(software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest.builder()
        .id("site:0b6f").build()).sync();
    assertThat(retry.resource()).isEqualTo("arn:aws:states:::codebuild:retryBuildBatch.sync");
    assertThat(retry.iamStatements()).containsExactly(
        IamStatement.allow("codebuild:RetryBuildBatch", project + "*"),
        IamStatement.allow(List.of("codebuild:StopBuildBatch", "codebuild:BatchGetBuildBatches"), List.of(project + "*")),
        rule);
    assertThat(retry.error("ResourceNotFoundException")).isEqualTo("CodeBuild.ResourceNotFoundException");
  }

  /** connect-emr.html and emr-iam.html, createCluster: RunJobFlow's request; .sync follows the new cluster. */
  @Test
  void emrCreateClusterIsRunJobFlowWithoutSteps() {
    software.amazon.awssdk.services.emr.model.RunJobFlowRequest request = software.amazon.awssdk.services.emr.model
        .RunJobFlowRequest.builder().name("nightly").releaseLabel("emr-7.1.0")
        .serviceRole("EMR_DefaultRole").jobFlowRole("EMR_EC2_DefaultRole")
        .instances(i -> i.keepJobFlowAliveWhenNoSteps(true).instanceCount(3).masterInstanceType("m5.xlarge")).build();
    OptimizedCall create = AwsSdk.optimized(request);
    IamStatement runJobFlow = IamStatement.allowOnAnyResource(List.of("elasticmapreduce:RunJobFlow"),
        "elasticmapreduce:RunJobFlow supports no resource-level permissions (AWS Service Authorization Reference), "
            + "so IAM can grant it only on all resources");
    IamStatement passRoles = IamStatement.allow(List.of("iam:PassRole"), List.of(
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/EMR_DefaultRole",
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/EMR_EC2_DefaultRole"));
    assertThat(create.resource()).isEqualTo("arn:aws:states:::elasticmapreduce:createCluster");
    assertThat(create.payload().fields().keySet()).containsExactly("Name", "ReleaseLabel", "Instances", "JobFlowRole",
        "ServiceRole");
    assertThat(create.iamStatements()).containsExactly(runJobFlow, passRoles);
    assertThat(create.sync().resource()).isEqualTo("arn:aws:states:::elasticmapreduce:createCluster.sync");
    assertThat(create.sync().iamStatements()).containsExactly(runJobFlow,
        IamStatement.allow(List.of("elasticmapreduce:DescribeCluster", "elasticmapreduce:TerminateJobFlows"),
            List.of("arn:${AWS::Partition}:elasticmapreduce:${AWS::Region}:${AWS::AccountId}:cluster/*")),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventForEMRRunJobFlowRule")),
        passRoles);
    assertThat(create.error("InternalServerErrorException")).isEqualTo("EMR.InternalServerErrorException");
    // ServiceRole takes a role's name: a placeholder for it names a role of the stack's account.
    assertThat(AwsSdk.optimized(request.toBuilder().serviceRole(AwsSdk.text(Placeholder.string("EmrServiceRole")))
        .jobFlowRole(AwsSdk.text(Placeholder.string("InstanceRoleArn"))).build()).iamStatements().get(1))
        .isEqualTo(IamStatement.allow(List.of("iam:PassRole"), List.of(
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${EmrServiceRole}", "${InstanceRoleArn}")));
    assertThatThrownBy(() -> AwsSdk.optimized(request.toBuilder()
        .steps(st -> st.name("first").hadoopJarStep(j -> j.jar("command-runner.jar"))).build()))
        .hasMessage("elasticmapreduce:createCluster takes no Steps; add each step with "
            + "EmrCluster.id(clusterId).addStep(step) once the cluster is created (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html)");
    assertThatThrownBy(() -> AwsSdk.optimized(request.toBuilder().instances(i -> i.instanceCount(3)).build()))
        .hasMessage("elasticmapreduce:createCluster needs Instances.KeepJobFlowAliveWhenNoSteps true, or the cluster "
            + "ends before any step is added (https://docs.aws.amazon.com/step-functions/latest/dg/connect-emr.html)");
    // Setting a member afterwards is checked as well.
    assertThatThrownBy(() -> create.with("Instances.KeepJobFlowAliveWhenNoSteps", BooleanValue.of(false)))
        .hasMessageStartingWith("elasticmapreduce:createCluster needs Instances.KeepJobFlowAliveWhenNoSteps true");
  }

  private static final String EKS = "arn:${AWS::Partition}:eks:${AWS::Region}:${AWS::AccountId}:";

  private static IamStatement passRoleToEks(String role) {
    return IamStatement.allow("iam:PassRole", role)
        .withCondition("StringEquals", "iam:PassedToService", List.of("eks.amazonaws.com"));
  }

  /** eks-iam.html, CreateCluster and DeleteCluster: the cluster role passed to EKS; .sync describes the cluster. */
  @Test
  void eksClusterIsCreatedAndDeletedAsAwsPageGrantsIt() {
    OptimizedCall create = AwsSdk.optimized(software.amazon.awssdk.services.eks.model.CreateClusterRequest.builder()
        .name("batch").roleArn("arn:aws:iam::111122223333:role/EksCluster")
        .resourcesVpcConfig(v -> v.subnetIds("subnet-053e7c47012341234", "subnet-027cfea4b12341234")).build()).sync();
    assertThat(create.resource()).isEqualTo("arn:aws:states:::eks:createCluster.sync");
    assertThat(create.iamStatements()).containsExactly(
        IamStatement.allowOnAnyResource(List.of("eks:CreateCluster"), "eks:CreateCluster supports no resource-level "
            + "permissions (AWS Service Authorization Reference), so IAM can grant it only on all resources"),
        IamStatement.allow(List.of("eks:DescribeCluster", "eks:DeleteCluster"), List.of(EKS + "cluster/*")),
        passRoleToEks("arn:aws:iam::111122223333:role/EksCluster"));
    assertThatThrownBy(create::waitForTaskToken).isInstanceOf(IllegalArgumentException.class);

    OptimizedCall delete = AwsSdk.optimized(software.amazon.awssdk.services.eks.model.DeleteClusterRequest.builder()
        .name("batch").build()).sync();
    assertThat(delete.resource()).isEqualTo("arn:aws:states:::eks:deleteCluster.sync");
    assertThat(delete.iamStatements()).containsExactly(IamStatement.allow("eks:DeleteCluster", EKS + "cluster/batch"),
        IamStatement.allow("eks:DescribeCluster", EKS + "cluster/batch"));
    assertThat(delete.error("ResourceInUseException")).isEqualTo("EKS.ResourceInUseException");
  }

  /** eks-iam.html, CreateNodeGroup and DeleteNodegroup. */
  @Test
  void eksNodegroupIsCreatedAndDeletedAsAwsPageGrantsIt() {
    OptimizedCall create = AwsSdk.optimized(software.amazon.awssdk.services.eks.model.CreateNodegroupRequest.builder()
        .clusterName("batch").nodegroupName("workers").nodeRole(AwsSdk.text(Placeholder.string("NodeRoleArn")))
        .subnets("subnet-09fb51df01234").build());
    IamStatement subnets = IamStatement.allowOnAnyResource(List.of("ec2:DescribeSubnets"), "ec2:DescribeSubnets "
        + "supports no resource-level permissions (AWS Service Authorization Reference); AWS's policy for the optimized "
        + "EKS CreateNodegroup grants it (https://docs.aws.amazon.com/step-functions/latest/dg/eks-iam.html)");
    IamStatement roles = IamStatement.allow(List.of("iam:GetRole", "iam:ListAttachedRolePolicies"),
        List.of("arn:${AWS::Partition}:iam::${AWS::AccountId}:role/*"));
    assertThat(create.iamStatements()).containsExactly(IamStatement.allow("eks:CreateNodegroup", EKS + "cluster/batch"),
        subnets, roles, passRoleToEks("${NodeRoleArn}"));
    assertThat(create.sync().iamStatements()).containsExactly(IamStatement.allow("eks:CreateNodegroup", EKS + "cluster/batch"),
        IamStatement.allow(List.of("eks:DescribeNodegroup", "eks:DeleteNodegroup"), List.of(EKS + "nodegroup/*")),
        subnets, roles, passRoleToEks("${NodeRoleArn}"));

    OptimizedCall delete = AwsSdk.optimized(software.amazon.awssdk.services.eks.model.DeleteNodegroupRequest.builder()
        .clusterName("batch").nodegroupName("workers").build()).sync();
    assertThat(delete.iamStatements()).containsExactly(
        IamStatement.allow("eks:DeleteNodegroup", EKS + "nodegroup/batch/workers/*"),
        IamStatement.allow("eks:DescribeNodegroup", EKS + "nodegroup/batch/workers/*"));
  }

  @Test
  void aRefusedPatternSaysWhichTheServiceSupports() {
    OptimizedCall publish = AwsSdk.optimized(PublishRequest.builder().topicArn("arn:aws:sns:eu-west-1:111122223333:t")
        .message("hi").build());
    assertThatThrownBy(publish::sync).isInstanceOf(IllegalArgumentException.class).hasMessage(
        "the optimized sns:publish integration supports request-response and .waitForTaskToken, not .sync "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html)");
    assertThat(publish.error("InvalidParameterException")).isEqualTo(OptimizedErrors.Sns.INVALID_PARAMETER);
  }

  /** The catalogue's prefixes agree with the table the validator and the offline executor read. */
  @Test
  void errorPrefixesAgreeWithTheValidator() {
    for (IntegrationErrorNames.Styles styles : IntegrationErrorNames.DIFFERING) {
      List<String> prefixes = OptimizedIntegrations.all().stream()
          .filter(row -> row.resourceName().startsWith(styles.optimizedService() + ":"))
          .map(OptimizedIntegrations.Integration::errorPrefix).distinct().toList();
      assertThat(prefixes).as(styles.optimizedService()).containsExactly(styles.optimizedPrefix());
    }
  }

  /** Every constant of OptimizedErrors is right on its task, and SdkErrors' spelling is reported there. */
  @Test
  void optimizedConstantsPassAndSdkConstantsAreCorrectedOnOptimizedTasks() throws IllegalAccessException {
    assertThat(corrections(OptimizedErrors.DynamoDB.class, "arn:aws:states:::dynamodb:putItem")).isEmpty();
    assertThat(corrections(OptimizedErrors.StepFunctions.class, "arn:aws:states:::states:startExecution.sync:2")).isEmpty();
    assertThat(corrections(OptimizedErrors.Sns.class, "arn:aws:states:::sns:publish")).isEmpty();
    assertThat(corrections(OptimizedErrors.Sqs.class, "arn:aws:states:::sqs:sendMessage")).isEmpty();
    assertThat(corrections(OptimizedErrors.Ecs.class, "arn:aws:states:::ecs:runTask.sync")).isEmpty();
    assertThat(corrections(OptimizedErrors.Eks.class, "arn:aws:states:::eks:createCluster.sync")).isEmpty();
    assertThat(corrections(OptimizedErrors.Eks.class, "arn:aws:states:::eks:runJob.sync")).isEmpty();

    assertThat(corrections(SdkErrors.DynamoDb.class, "arn:aws:states:::dynamodb:putItem")).containsExactly(
        "DynamoDb.ConditionalCheckFailedException -> " + OptimizedErrors.DynamoDB.CONDITIONAL_CHECK_FAILED,
        "DynamoDb.ProvisionedThroughputExceededException -> " + OptimizedErrors.DynamoDB.PROVISIONED_THROUGHPUT_EXCEEDED,
        "DynamoDb.RequestLimitExceededException -> " + OptimizedErrors.DynamoDB.REQUEST_LIMIT_EXCEEDED,
        "DynamoDb.ResourceNotFoundException -> " + OptimizedErrors.DynamoDB.RESOURCE_NOT_FOUND,
        "DynamoDb.TransactionConflictException -> " + OptimizedErrors.DynamoDB.TRANSACTION_CONFLICT,
        "DynamoDb.InternalServerErrorException -> " + OptimizedErrors.DynamoDB.INTERNAL_SERVER_ERROR,
        "DynamoDb.ThrottlingException -> " + OptimizedErrors.DynamoDB.THROTTLING,
        "DynamoDb.DynamoDbException -> " + OptimizedErrors.DynamoDB.SERVICE,
        "DynamoDb.SdkClientException -> " + OptimizedErrors.DynamoDB.CLIENT);
    assertThat(corrections(SdkErrors.Sfn.class, "arn:aws:states:::states:startExecution.sync")).contains(
        "Sfn.ExecutionAlreadyExistsException -> " + OptimizedErrors.StepFunctions.EXECUTION_ALREADY_EXISTS,
        "Sfn.SfnException -> " + OptimizedErrors.StepFunctions.SERVICE);
    assertThat(corrections(SdkErrors.Sns.class, "arn:aws:states:::sns:publish")).contains(
        "Sns.SnsException -> " + OptimizedErrors.Sns.SERVICE,
        "Sns.SdkClientException -> " + OptimizedErrors.Sns.CLIENT);
    // EKS: the SDK's exception classes under the optimized prefix (connect-eks.html spells EKS.401).
    assertThat(List.of(AwsSdk.error(software.amazon.awssdk.services.eks.model.ResourceInUseException.class),
            AwsSdk.error(software.amazon.awssdk.services.eks.model.ResourceNotFoundException.class),
            AwsSdk.error(software.amazon.awssdk.services.eks.model.ResourceLimitExceededException.class),
            AwsSdk.error(software.amazon.awssdk.services.eks.model.InvalidParameterException.class),
            AwsSdk.error(software.amazon.awssdk.services.eks.model.InvalidRequestException.class),
            AwsSdk.error(software.amazon.awssdk.services.eks.model.ServiceUnavailableException.class),
            AwsSdk.errorsOf(software.amazon.awssdk.services.eks.model.CreateClusterRequest.class).service(),
            AwsSdk.errorsOf(software.amazon.awssdk.services.eks.model.CreateClusterRequest.class).client())
        .stream().map(name -> IntegrationErrorNames.correction("arn:aws:states:::eks:deleteCluster", name).orElseThrow()))
        .containsExactly(OptimizedErrors.Eks.RESOURCE_IN_USE, OptimizedErrors.Eks.RESOURCE_NOT_FOUND,
            OptimizedErrors.Eks.RESOURCE_LIMIT_EXCEEDED, OptimizedErrors.Eks.INVALID_PARAMETER,
            OptimizedErrors.Eks.INVALID_REQUEST, OptimizedErrors.Eks.SERVICE_UNAVAILABLE, OptimizedErrors.Eks.SERVICE,
            OptimizedErrors.Eks.CLIENT);
    // The AWS SDK integration the other way round.
    assertThat(corrections(OptimizedErrors.DynamoDB.class, "arn:aws:states:::aws-sdk:dynamodb:query"))
        .contains("DynamoDB.AmazonDynamoDBException -> " + SdkErrors.DynamoDb.SERVICE);
    assertThat(corrections(SdkErrors.DynamoDb.class, "arn:aws:states:::aws-sdk:dynamodb:query")).isEmpty();
    // Lambda's names are the same in both integrations.
    assertThat(LambdaInvoke.TRANSIENT_ERRORS.stream()
        .filter(name -> IntegrationErrorNames.correction("arn:aws:states:::lambda:invoke", name).isPresent())).isEmpty();
  }

  private static List<String> corrections(Class<?> constants, String resource) throws IllegalAccessException {
    List<String> corrected = new ArrayList<>();
    for (Field field : constants.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        String name = (String) field.get(null);
        IntegrationErrorNames.correction(resource, name).ifPresent(right -> corrected.add(name + " -> " + right));
      }
    }
    return corrected;
  }
}
