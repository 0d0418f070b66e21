package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Context;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.asl.Problem;
import io.statecraft.dsl.workflow.WorkflowType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.batch.model.SubmitJobRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.RunTaskRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.lambda.model.InvokeRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** Optimized integrations: resource, request, pattern checks and IAM. */
class OptimizedIntegrationsTest {

  private static final String RULES = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/";
  private static final List<String> RULE_ACTIONS = List.of("events:PutTargets", "events:PutRule", "events:DescribeRule");

  @Test
  void lambdaInvokeMakesThePayloadExplicit() {
    LambdaInvoke invoke = LambdaInvoke.function(Placeholder.string("ReportFunction"))
        .payload(Json.object().put("ids", Path.input().field("ids")).build())
        .qualifier("live");
    assertThat(Definitions.task(invoke)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::lambda:invoke\",\"Parameters\":{"
            + "\"FunctionName\":\"${ReportFunction}\",\"Payload\":{\"ids.$\":\"$.ids\"},\"Qualifier\":\"live\"},\"End\":true}");
    assertThat(invoke.iamStatements()).containsExactly(
        IamStatement.allow(List.of("lambda:InvokeFunction"), List.of("${ReportFunction}", "${ReportFunction}:*")));
    assertThat(LambdaInvoke.function("report").payload(Path.input()).iamStatements()).containsExactly(
        IamStatement.allow(List.of("lambda:InvokeFunction"), List.of(
            "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:report",
            "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:report:*")));
    assertThat(Definitions.parameters(LambdaInvoke.function("report").payload(Path.input())))
        .isEqualTo("{\"FunctionName\":\"report\",\"Payload.$\":\"$\"}");
    assertThat(LambdaInvoke.PAYLOAD).isEqualTo(Path.of("$.Payload"));
    assertThat(LambdaInvoke.TRANSIENT_ERRORS).containsExactly("Lambda.ServiceException", "Lambda.AWSLambdaException",
        "Lambda.SdkClientException", "Lambda.TooManyRequestsException");
  }

  @Test
  void lambdaWithoutAPayloadOrTokenIsRefused() {
    assertThatThrownBy(() -> LambdaInvoke.function("report").payload())
        .hasMessage("lambda:invoke of StringValue[value=report]: say what the function receives with .payload(value), "
            + "such as .payload(Path.input()) for the whole state input");
    assertThatThrownBy(() -> LambdaInvoke.function("review").payload(Path.input()).waitForTaskToken())
        .hasMessageStartingWith("lambda:invoke.waitForTaskToken: the payload does not pass the task token on");
    LambdaInvoke waiting = LambdaInvoke.function("review")
        .payload(Json.object().put("token", Context.taskToken()).build()).waitForTaskToken();
    assertThat(waiting.resource()).isEqualTo("arn:aws:states:::lambda:invoke.waitForTaskToken");
  }

  @Test
  void snsPublishAndItsCallback() {
    OptimizedCall publish = AwsSdk.optimized(PublishRequest.builder()
        .topicArn(AwsSdk.text(Placeholder.string("AlertsTopic")))
        .message(AwsSdk.text(Path.input().field("text")))
        .build());
    assertThat(Definitions.task(publish)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sns:publish\","
        + "\"Parameters\":{\"TopicArn\":\"${AlertsTopic}\",\"Message.$\":\"$.text\"},\"End\":true}");
    assertThat(publish.iamStatements()).containsExactly(IamStatement.allow("sns:Publish", "${AlertsTopic}"));

    assertThatThrownBy(publish::waitForTaskToken).hasMessageStartingWith(
        "sns:publish.waitForTaskToken: no member passes the task token on");
    OptimizedCall approval = publish.with("Message", States_format_token()).waitForTaskToken();
    assertThat(approval.resource()).isEqualTo("arn:aws:states:::sns:publish.waitForTaskToken");
  }

  private static Value States_format_token() {
    return io.statecraft.dsl.States.format("Approve: {}", Context.taskToken());
  }

  @Test
  void sqsSendMessageTakesAJsonBody() {
    OptimizedCall send = AwsSdk.optimized(SendMessageRequest.builder()
            .queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/jobs").build())
        .with("MessageBody", Json.object().put("id", Path.input().field("id")).build());
    assertThat(Definitions.task(send)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::sqs:sendMessage\","
        + "\"Parameters\":{\"QueueUrl\":\"https://sqs.eu-west-1.amazonaws.com/111122223333/jobs\","
        + "\"MessageBody\":{\"id.$\":\"$.id\"}},\"End\":true}");
    assertThat(send.iamStatements()).containsExactly(
        IamStatement.allow("sqs:SendMessage", "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:jobs"));
  }

  @Test
  void dynamoDbItemCallsAreRequestResponseOnly() {
    Map<String, AttributeValue> key = Map.of("pk", AttributeValue.builder().s(AwsSdk.text(Path.input().field("id"))).build());
    OptimizedCall put = AwsSdk.optimized(PutItemRequest.builder().tableName("Jobs").item(key).build());
    assertThat(Definitions.task(put)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::dynamodb:putItem\","
        + "\"Parameters\":{\"TableName\":\"Jobs\",\"Item\":{\"pk\":{\"S.$\":\"$.id\"}}},\"End\":true}");
    assertThat(put.iamStatements()).containsExactly(IamStatement.allow("dynamodb:PutItem",
        "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/Jobs"));
    assertThat(AwsSdk.optimized(UpdateItemRequest.builder().tableName("Jobs").key(key)
        .updateExpression("SET done = :t").build()).resource()).isEqualTo("arn:aws:states:::dynamodb:updateItem");
    assertThat(AwsSdk.optimized(DeleteItemRequest.builder().tableName("Jobs").key(key).build()).iamStatements())
        .extracting(s -> s.actions()).containsExactly(List.of("dynamodb:DeleteItem"));
    assertThatThrownBy(put::sync).hasMessage(
        "the optimized dynamodb:putItem integration supports request-response, not .sync "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html)");
  }

  @Test
  void startExecutionInItsThreePatterns() {
    OptimizedCall start = AwsSdk.optimized(StartExecutionRequest.builder()
            .stateMachineArn("arn:aws:states:eu-west-1:111122223333:stateMachine:Child").build())
        .with("Input", Json.object().put("AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID", Context.executionId()).build());
    assertThat(Definitions.parameters(start)).isEqualTo(
        "{\"StateMachineArn\":\"arn:aws:states:eu-west-1:111122223333:stateMachine:Child\","
            + "\"Input\":{\"AWS_STEP_FUNCTIONS_STARTED_BY_EXECUTION_ID.$\":\"$$.Execution.Id\"}}");
    assertThat(start.resource()).isEqualTo("arn:aws:states:::states:startExecution");
    assertThat(start.iamStatements()).containsExactly(
        IamStatement.allow("states:StartExecution", "arn:aws:states:eu-west-1:111122223333:stateMachine:Child"));
    assertThat(start.sync().resource()).isEqualTo("arn:aws:states:::states:startExecution.sync");
    assertThat(start.syncJson().resource()).isEqualTo("arn:aws:states:::states:startExecution.sync:2");
    assertThat(start.syncJson().iamStatements()).containsExactly(
        IamStatement.allow("states:StartExecution", "arn:aws:states:eu-west-1:111122223333:stateMachine:Child"),
        IamStatement.allow(List.of("states:DescribeExecution", "states:StopExecution"),
            List.of("arn:aws:states:eu-west-1:111122223333:execution:Child:*")),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForStepFunctionsExecutionRule")));
  }

  @Test
  void eventBridgePutEventsIsGrantedOnTheBusesOfItsEntries() {
    OptimizedCall put = AwsSdk.optimized(PutEventsRequest.builder().entries(
            PutEventsRequestEntry.builder().source("patching").detailType("Done").build(),
            PutEventsRequestEntry.builder().source("patching").detailType("Done").eventBusName("ops").build())
        .build()).with("Entries[0].Detail", Json.object().put("ids", Path.input().field("ids")).build());
    assertThat(Definitions.task(put)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::events:putEvents\","
        + "\"Parameters\":{\"Entries\":[{\"Source\":\"patching\",\"DetailType\":\"Done\",\"Detail\":{\"ids.$\":\"$.ids\"}},"
        + "{\"Source\":\"patching\",\"DetailType\":\"Done\",\"EventBusName\":\"ops\"}]},\"End\":true}");
    String bus = "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/";
    assertThat(put.iamStatements()).containsExactly(
        IamStatement.allow(List.of("events:PutEvents"), List.of(bus + "default", bus + "ops")));
  }

  @Test
  void ecsRunTaskSync() {
    OptimizedCall run = AwsSdk.optimized(RunTaskRequest.builder()
        .cluster("jobs").taskDefinition("patcher:3").launchType(LaunchType.FARGATE).build()).sync();
    assertThat(Definitions.task(run)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::ecs:runTask.sync\","
        + "\"Parameters\":{\"Cluster\":\"jobs\",\"LaunchType\":\"FARGATE\",\"TaskDefinition\":\"patcher:3\"},\"End\":true}");
    assertThat(run.iamStatements()).containsExactly(
        IamStatement.allow("ecs:RunTask",
            "arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/patcher:*"),
        IamStatement.allowOnAnyResource(List.of("ecs:StopTask", "ecs:DescribeTasks"),
            "the ECS task's id is known only once RunTask has started it"),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForECSTaskRule")));
  }

  @Test
  void batchSubmitJobSync() {
    OptimizedCall submit = AwsSdk.optimized(SubmitJobRequest.builder()
        .jobName("patch").jobQueue("nightly").jobDefinition("patcher").build()).sync();
    assertThat(Definitions.parameters(submit)).isEqualTo(
        "{\"JobName\":\"patch\",\"JobQueue\":\"nightly\",\"JobDefinition\":\"patcher\"}");
    assertThat(submit.resource()).isEqualTo("arn:aws:states:::batch:submitJob.sync");
    String batch = "arn:${AWS::Partition}:batch:${AWS::Region}:${AWS::AccountId}:";
    assertThat(submit.iamStatements()).containsExactly(
        IamStatement.allow(List.of("batch:SubmitJob"), List.of(batch + "job/*", batch + "job-definition/patcher",
            batch + "job-queue/nightly")),
        IamStatement.allowOnAnyResource(List.of("batch:DescribeJobs", "batch:TerminateJob"),
            "the Batch job's id is known only once SubmitJob has created it, and batch:DescribeJobs supports no "
                + "resource-level permissions"),
        IamStatement.allow(RULE_ACTIONS, List.of(RULES + "StepFunctionsGetEventsForBatchJobsRule")));
    assertThatThrownBy(submit::syncJson)
        .hasMessage("the optimized batch:submitJob integration supports request-response and .sync, not .sync:2 "
            + "(https://docs.aws.amazon.com/step-functions/latest/dg/batch-iam.html)");
  }

  @Test
  void apisWithoutAnOptimizedIntegrationAreRefusedWithTheWayOut() {
    assertThatThrownBy(() -> AwsSdk.optimized(DescribeInstancesRequest.builder().build()))
        .hasMessage("ec2:describeInstances has no optimized integration; use AwsSdk.call(request) for the AWS SDK "
            + "integration (optimized: athena:getQueryExecution, athena:getQueryResults, athena:startQueryExecution, "
            + "athena:stopQueryExecution, batch:submitJob, bedrock:createModelCustomizationJob, "
            + "codebuild:batchDeleteBuilds, codebuild:batchGetReports, "
            + "codebuild:deleteBuildBatch, codebuild:retryBuildBatch, codebuild:startBuild, codebuild:startBuildBatch, "
            + "codebuild:stopBuild, codebuild:stopBuildBatch, "
            + "databrew:startJobRun, dynamodb:deleteItem, dynamodb:getItem, dynamodb:putItem, dynamodb:updateItem, "
            + "ecs:runTask, eks:createCluster, eks:createFargateProfile, eks:createNodegroup, eks:deleteCluster, "
            + "eks:deleteFargateProfile, eks:deleteNodegroup, "
            + "emr:runJobFlow, emrcontainers:createVirtualCluster, emrcontainers:deleteVirtualCluster, "
            + "emrcontainers:startJobRun, emrserverless:cancelJobRun, emrserverless:createApplication, "
            + "emrserverless:deleteApplication, emrserverless:startApplication, emrserverless:startJobRun, "
            + "emrserverless:stopApplication, eventbridge:putEvents, glue:startJobRun, mediaconvert:createJob, "
            + "sagemaker:createModel, sagemaker:createProcessingJob, "
            + "sagemaker:createTrainingJob, sagemaker:createTransformJob, sfn:startExecution, sns:publish, "
            + "sqs:sendMessage)");
    assertThatThrownBy(() -> AwsSdk.optimized(InvokeRequest.builder().functionName("f").build()))
        .hasMessageStartingWith("lambda:invoke has no optimized integration; use LambdaInvoke.function(...)");
  }

  @Test
  void httpInvokeDeclaresEndpointMethodConnectionAndSecret() {
    HttpInvoke post = HttpInvoke.post(Placeholder.string("WebhookUrl"))
        .connection(Placeholder.string("ConnectionArn"))
        .header("Content-Type", "application/json")
        .requestBody(Json.object().put("text", Path.input().field("message")).build());
    assertThat(Definitions.task(post)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\","
        + "\"Parameters\":{\"ApiEndpoint\":\"${WebhookUrl}\",\"Method\":\"POST\","
        + "\"Authentication\":{\"ConnectionArn\":\"${ConnectionArn}\"},\"Headers\":{\"Content-Type\":\"application/json\"},"
        + "\"RequestBody\":{\"text.$\":\"$.message\"}},\"End\":true}");
    assertThat(post.iamStatements()).containsExactly(
        IamStatement.allow("states:InvokeHTTPEndpoint", IamStatement.THIS_STATE_MACHINE)
            .withCondition("StringEquals", "states:HTTPMethod", List.of("POST"))
            .withCondition("StringEquals", "states:HTTPEndpoint", List.of("${WebhookUrl}")),
        IamStatement.allow("events:RetrieveConnectionCredentials", "${ConnectionArn}"),
        IamStatement.allow(List.of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"),
            List.of("arn:${AWS::Partition}:secretsmanager:${AWS::Region}:${AWS::AccountId}:secret:events!connection/*")));
    assertThatThrownBy(() -> HttpInvoke.get(Value.of("https://example.com")).payload())
        .hasMessage("http:invoke GET StringValue[value=https://example.com]: the HTTP task needs an EventBridge "
            + "connection for authentication; give it with .connection(connectionArn)");
  }

  @Test
  void theHttpTaskThroughADeclaredConnectionIsGrantedOnlyThatConnectionsSecret() {
    HttpConnection webhook = HttpConnection.named("WebhookConnection")
        .apiKey("x-api-key", Parameter.string("WebhookKey").noEcho());
    HttpInvoke post = HttpInvoke.post(Value.of("https://hooks.example.com/alerts")).connection(webhook);

    assertThat(Definitions.task(post)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\","
        + "\"Parameters\":{\"ApiEndpoint\":\"https://hooks.example.com/alerts\",\"Method\":\"POST\","
        + "\"Authentication\":{\"ConnectionArn\":\"${WebhookConnectionArn}\"}},\"End\":true}");
    assertThat(post.iamStatements()).containsExactly(
        IamStatement.allow("states:InvokeHTTPEndpoint", IamStatement.THIS_STATE_MACHINE)
            .withCondition("StringEquals", "states:HTTPMethod", List.of("POST"))
            .withCondition("StringEquals", "states:HTTPEndpoint", List.of("https://hooks.example.com/alerts")),
        IamStatement.allow("events:RetrieveConnectionCredentials", "${WebhookConnection.Arn}"),
        IamStatement.allow(List.of("secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"),
            List.of("${WebhookConnection.SecretArn}")));
  }

  @Test
  void theHttpTaskTakesSeveralQueryParametersOrOneValueGivingThemAll() {
    HttpInvoke fixed = HttpInvoke.get(Value.of("https://api.example.com/items"))
        .connection(Placeholder.string("ConnectionArn"))
        .queryParameter("page", Value.of("1"))
        .queryParameters(Map.of("size", Value.of("50")));
    assertThat(Definitions.task(fixed)).isEqualTo("{\"Type\":\"Task\",\"Resource\":\"arn:aws:states:::http:invoke\","
        + "\"Parameters\":{\"ApiEndpoint\":\"https://api.example.com/items\",\"Method\":\"GET\","
        + "\"Authentication\":{\"ConnectionArn\":\"${ConnectionArn}\"},"
        + "\"QueryParameters\":{\"page\":\"1\",\"size\":\"50\"}},\"End\":true}");

    HttpInvoke parsed = HttpInvoke.get(Value.of("https://api.example.com/items"))
        .connection(Placeholder.string("ConnectionArn"))
        .queryParameters(Path.input().field("query"));
    assertThat(Definitions.task(parsed)).contains("\"QueryParameters.$\":\"$.query\"");
    assertThatThrownBy(() -> parsed.queryParameter("page", Value.of("1")))
        .hasMessage("http:invoke GET StringValue[value=https://api.example.com/items]: the query parameters are one "
            + "value known at run time (" + Path.input().field("query") + "); give them either one by one or as one value");
    assertThatThrownBy(() -> fixed.queryParameters(Path.input().field("query")))
        .hasMessage("http:invoke GET StringValue[value=https://api.example.com/items]: query parameters are given "
            + "already; give them either one by one or as one value");
  }

  @Test
  void activitiesTakeTheirArnAndNeedNoPermission() {
    Activity review = Activity.of(Placeholder.string("ReviewActivity"));
    assertThat(Definitions.task(review)).isEqualTo(
        "{\"Type\":\"Task\",\"Resource\":\"${ReviewActivity}\",\"End\":true}");
    assertThat(review.iamStatements()).isEmpty();
    assertThatThrownBy(() -> Activity.arn("review")).hasMessage("an activity ARN looks like "
        + "arn:aws:states:REGION:ACCOUNT:activity:NAME, got: review; for one created by the stack use Activity.of(placeholder)");
  }

  @Test
  void theValidatorRefusesSyncAndCallbackPatternsInExpressWorkflows() {
    Task child = Task.named("RunChild").call(AwsSdk.optimized(StartExecutionRequest.builder()
        .stateMachineArn(AwsSdk.text(Placeholder.string("Child"))).build()).sync());
    List<Problem> problems = DefinitionCompiler.compile(StateMachine.startWith(child), WorkflowType.EXPRESS)
        .problems();
    assertThat(problems).extracting(Problem::code, Problem::pointer)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("EXPRESS_UNSUPPORTED_INTEGRATION", "/States/RunChild/Resource"));
    assertThat(DefinitionCompiler.compile(StateMachine.startWith(child), WorkflowType.STANDARD).problems()).isEmpty();
  }

}
