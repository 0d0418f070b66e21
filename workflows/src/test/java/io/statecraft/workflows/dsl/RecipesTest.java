package io.statecraft.workflows.dsl;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statecraft.asl.Problem;
import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.OptimizedCall;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.Mock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/** The recipes of docs/dsl.md: each builds without problems and takes the paths the guide says. */
final class RecipesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  static List<String> problems(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow);
    return compiled.problems().stream().map(Problem::describe).toList();
  }

  @Test
  void everyRecipeBuildsWithoutProblems() {
    assertThat(problems(new OrderSaga())).isEmpty();
    assertThat(problems(new ApprovalCallback())).isEmpty();
    assertThat(problems(new NightlyCsvBatch())).isEmpty();
    assertThat(problems(new PaginatedInstanceList())).isEmpty();
    assertThat(problems(new PollUntilDone())).isEmpty();
  }

  // --- saga

  private static LocalExecutor saga() {
    return LocalExecutor.of(new OrderSaga())
        .substitution("ReservationsName", "reservations")
        .substitution("PaymentsFunctionArn", "arn:aws:lambda:eu-west-1:111122223333:function:payments")
        .substitution("ShippingQueueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/shipping")
        .substitution("OrderEventsArn", "arn:aws:sns:eu-west-1:111122223333:order-events")
        .mock("ReserveStock", Mock.result("{}"))
        .mock("ChargeCard", Mock.result("{\"Payload\": {\"chargeId\": \"ch-1\"}}"))
        .mock("RequestShipping", Mock.result("{\"MessageId\": \"m-1\"}"))
        .mock("Confirm", Mock.result("{\"MessageId\": \"m-2\"}"))
        .mock("RefundCard", Mock.result("{\"Payload\": {}}"))
        .mock("ReleaseStock", Mock.result("{}"));
  }

  @Test
  void theSagaPlacesAnOrder() {
    Execution execution = saga().run("{\"orderId\": \"o-1\"}");

    assertThat(execution).succeeded()
        .hasPath("ReserveStock", "ChargeCard", "RequestShipping", "Confirm", "OrderPlaced")
        .hasOutput("{\"orderId\": \"o-1\", \"payment\": {\"chargeId\": \"ch-1\"}}");
    assertThat(execution).state("ReserveStock").hasInput("{\"orderId\": \"o-1\"}");
  }

  @Test
  void theSagaUndoesWhatWasDoneNewestFirst() {
    Execution execution = saga()
        .mock("RequestShipping", Mock.error("SQS.QueueDoesNotExistException", "no such queue"))
        .run("{\"orderId\": \"o-1\"}");

    assertThat(execution).failed().hasError("SQS.QueueDoesNotExistException", "no such queue")
        .hasPath("ReserveStock", "ChargeCard", "RequestShipping", "RefundCard", "ReleaseStock", "OrderFailed");
    assertThat(execution).state("RefundCard").hasInput("{\"orderId\": \"o-1\", \"payment\": {\"chargeId\": \"ch-1\"}, "
        + "\"error\": {\"Error\": \"SQS.QueueDoesNotExistException\", \"Cause\": \"no such queue\"}}");
  }

  @Test
  void aFailedChargeOnlyReleasesTheStock() {
    Execution execution = saga().mock("ChargeCard", Mock.error("Payment.Declined", "card declined")).run("{\"orderId\": \"o-1\"}");

    assertThat(execution).failed().hasError("Payment.Declined", "card declined")
        .hasPath("ReserveStock", "ChargeCard", "ReleaseStock", "OrderFailed").didNotPassThrough("RefundCard");
  }

  @Test
  void aDuplicateOrderIsRefusedWithDynamoDbsOptimizedErrorName() {
    Execution execution = saga()
        .mock("ReserveStock", Mock.error("DynamoDB.ConditionalCheckFailedException", "The conditional request failed"))
        .run("{\"orderId\": \"o-1\"}");

    assertThat(execution).failed().hasError("Order.Duplicate").hasPath("ReserveStock", "AlreadyReserved");
  }

  @Test
  void theSdkSpellingOfThatErrorIsRefusedOffline() {
    Execution execution = saga()
        .mock("ReserveStock", Mock.error("DynamoDb.ConditionalCheckFailedException", "The conditional request failed"))
        .run("{\"orderId\": \"o-1\"}");

    assertThat(execution).failed().hasError("States.Runtime");
    assertThat(execution.cause()).contains("DynamoDB.ConditionalCheckFailedException");
  }

  // --- callback

  private static LocalExecutor approval() {
    return LocalExecutor.of(new ApprovalCallback())
        .substitution("ApprovalQueueUrl", "https://sqs.eu-west-1.amazonaws.com/111122223333/approvals")
        .substitution("EscalationsArn", "arn:aws:sns:eu-west-1:111122223333:escalations")
        .mock("Escalate", Mock.result("{\"MessageId\": \"m-1\"}"));
  }

  @Test
  void anApprovalSentWithHeartbeatsGoesAhead() {
    AtomicReference<String> token = new AtomicReference<>();
    Execution execution = approval()
        .mock("AskForApproval", Mock.handler(call -> {
          token.set(call.taskToken());
          return json("{\"approved\": true}");
        }).taking(Duration.ofHours(5)).sendingHeartbeats())
        .run("{\"change\": \"CHG-42\"}");

    assertThat(execution).succeeded().hasPath("AskForApproval", "Approved", "Go");
    assertThat(token.get()).isNotBlank();
  }

  @Test
  void aRejectionFails() {
    Execution execution = approval()
        .mock("AskForApproval", Mock.result("{\"approved\": false}").taking(Duration.ofMinutes(10)))
        .run("{\"change\": \"CHG-42\"}");

    assertThat(execution).failed().hasError("Approval.Rejected").hasPath("AskForApproval", "Approved", "Rejected");
  }

  @Test
  void withoutHeartbeatsTheRequestIsEscalated() {
    Execution execution = approval()
        .mock("AskForApproval", Mock.result("{\"approved\": true}").taking(Duration.ofHours(2)))
        .run("{\"change\": \"CHG-42\"}");

    assertThat(execution).failed().hasError("Approval.Expired")
        .hasPath("AskForApproval", "Escalate", "NotApproved").tookVirtualTime(Duration.ofHours(1));
    assertThat(execution).state("Escalate")
        .hasInput("{\"change\": \"CHG-42\", \"error\": {\"Error\": \"States.HeartbeatTimeout\", \"Cause\": \"The task sent no heartbeat within its HeartbeatSeconds of 3600\"}}");
  }

  // --- nightly batch

  @Test
  void theNightlyBatchImportsTheRowsInBatches() {
    List<String> batches = new ArrayList<>();
    Execution execution = LocalExecutor.of(new NightlyCsvBatch())
        .substitution("DataBucket", "orders-data")
        .substitution("ImportFunctionArn", "arn:aws:lambda:eu-west-1:111122223333:function:import")
        .items("ImportRows", "[{\"id\": \"1\"}, {\"id\": \"2\"}, {\"id\": \"3\"}]")
        .mock("ImportBatch", Mock.handler(call -> {
          batches.add(call.input().toString());
          return json("{\"Payload\": {\"imported\": " + call.input().path("Items").size() + "}}");
        }))
        .run("{}");

    assertThat(execution).succeeded().passedThrough("ImportBatch");
    assertThat(batches).hasSize(1);
    assertThat(batches.get(0)).contains("\"Items\":[{\"id\":\"1\"},{\"id\":\"2\"},{\"id\":\"3\"}]")
        .contains("\"BatchInput\":{\"night\":\"2025-01-01T00:00:00Z\"}");
    assertThat(execution.output().path("ResultWriterDetails").path("Bucket").asText()).isEqualTo("orders-data");
  }

  // --- pagination

  @Test
  void thePaginationLoopFollowsNextToken() {
    Execution execution = LocalExecutor.of(new PaginatedInstanceList())
        .mock("FirstPage", Mock.result("{\"Reservations\": [{\"Instances\": [{\"InstanceId\": \"i-1\"}, "
            + "{\"InstanceId\": \"i-2\"}]}], \"NextToken\": \"t-2\"}"))
        .mock("NextPage", Mock.sequence(
            Mock.result("{\"Reservations\": [{\"Instances\": [{\"InstanceId\": \"i-3\"}]}], \"NextToken\": \"t-3\"}"),
            Mock.result("{\"Reservations\": [{\"Instances\": [{\"InstanceId\": \"i-4\"}]}]}")))
        .run("{}");

    assertThat(execution).succeeded()
        .hasPath("FirstPage", "MorePages", "NextPage", "MorePages", "NextPage", "MorePages", "Report")
        .hasOutput("{\"instanceIds\": [\"i-1\", \"i-2\", \"i-3\", \"i-4\"], \"count\": 4}");
  }

  @Test
  void oneEmptyPageIsAnEmptyList() {
    Execution execution = LocalExecutor.of(new PaginatedInstanceList())
        .mock("FirstPage", Mock.result("{\"Reservations\": []}"))
        .run("{}");

    assertThat(execution).succeeded().hasPath("FirstPage", "MorePages", "Report")
        .hasOutput("{\"instanceIds\": [], \"count\": 0}");
  }

  // --- polling

  @Test
  void pollingWaitsUntilTheCommandSucceeds() {
    Execution execution = LocalExecutor.of(new PollUntilDone())
        .mock("RunCommand", Mock.result("{\"Command\": {\"CommandId\": \"c-1\"}}"))
        .mock("CheckCommand", Mock.sequence(
            Mock.error("Ssm.InvocationDoesNotExistException", "not yet"),
            Mock.result("{\"Status\": \"InProgress\"}"),
            Mock.result("{\"Status\": \"Success\"}")))
        .run("{\"instanceId\": \"i-1\"}");

    assertThat(execution).succeeded()
        .hasPath("RunCommand", "WaitForCommand", "CheckCommand", "Finished", "WaitForCommand", "CheckCommand", "Finished", "Done");
  }

  @Test
  void pollingGivesUpAfterTwentyChecks() {
    Execution execution = LocalExecutor.of(new PollUntilDone())
        .mock("RunCommand", Mock.result("{\"Command\": {\"CommandId\": \"c-1\"}}"))
        .mock("CheckCommand", Mock.result("{\"Status\": \"InProgress\"}"))
        .run("{\"instanceId\": \"i-1\"}");

    assertThat(execution).failed().hasError("Command.Failed", "command c-1 ended InProgress after 20 checks")
        .tookVirtualTime(Duration.ofMinutes(10));
  }

  @Test
  void aFailedCommandFailsTheExecution() {
    Execution execution = LocalExecutor.of(new PollUntilDone())
        .mock("RunCommand", Mock.result("{\"Command\": {\"CommandId\": \"c-1\"}}"))
        .mock("CheckCommand", Mock.result("{\"Status\": \"Failed\"}"))
        .run("{\"instanceId\": \"i-1\"}");

    assertThat(execution).failed().hasError("Command.Failed", "command c-1 ended Failed after 1 checks")
        .hasPath("RunCommand", "WaitForCommand", "CheckCommand", "Finished", "CommandFailed");
  }

  // --- what the guide says of the templates

  private static JsonNode statements(Workflow workflow) {
    CompiledWorkflow compiled = WorkflowCompiler.compile(workflow).orThrow();
    return json(compiled.files().get(OutputFile.TEMPLATE_JSON))
        .at("/Resources/StateMachineRole/Properties/Policies/0/PolicyDocument/Statement");
  }

  @Test
  void theNightlyBatchIsGrantedItsObjectAndItsResultPrefix() {
    assertThat(statements(new NightlyCsvBatch()).toString())
        .contains("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\"],\"Resource\":[{\"Fn::Sub\":"
            + "\"arn:${AWS::Partition}:s3:::${DataBucket}/incoming/orders.csv\"}]}")
        .contains("{\"Effect\":\"Allow\",\"Action\":[\"s3:AbortMultipartUpload\",\"s3:GetObject\",\"s3:ListMultipartUploadParts\","
            + "\"s3:PutObject\"],\"Resource\":[{\"Fn::Sub\":\"arn:${AWS::Partition}:s3:::${DataBucket}/results/*\"}]}");
  }

  @Test
  void theSagaIsGrantedExactlyItsTableQueueTopicAndFunction() {
    List<String> own = new ArrayList<>();
    statements(new OrderSaga()).forEach(statement -> {
      if (!statement.has("Sid")) {                // the logging and tracing statements, explained in the template
        own.add(statement.toString());
      }
    });
    assertThat(own).containsExactly(
        "{\"Effect\":\"Allow\",\"Action\":[\"sns:Publish\"],\"Resource\":[{\"Fn::Sub\":\"${OrderEvents}\"}]}",
        "{\"Effect\":\"Allow\",\"Action\":[\"lambda:InvokeFunction\"],\"Resource\":[{\"Fn::Sub\":\"${PaymentsFunctionArn}\"},"
            + "{\"Fn::Sub\":\"${PaymentsFunctionArn}:*\"}]}",
        "{\"Effect\":\"Allow\",\"Action\":[\"dynamodb:BatchWriteItem\",\"dynamodb:DeleteItem\",\"dynamodb:PutItem\","
            + "\"dynamodb:UpdateItem\"],\"Resource\":[{\"Fn::Sub\":\"${Reservations.Arn}\"}]}",
        "{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\"],\"Resource\":[{\"Fn::Sub\":\"${ShippingQueue.Arn}\"}]}");
  }

  @Test
  void aCallbackWithoutTheTokenInItsMessageIsRefused() {
    OptimizedCall send = AwsSdk.optimized(SendMessageRequest.builder()
        .queueUrl("https://sqs.eu-west-1.amazonaws.com/111122223333/approvals").messageBody("approve?").build());

    assertThatThrownBy(send::waitForTaskToken).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("sqs:sendMessage.waitForTaskToken: no member passes the task token on");
  }

  // --- the recipes through checkers Statecraft did not write (skipped where they are not installed)

  static final List<Workflow> RECIPES = List.of(new OrderSaga(), new ApprovalCallback(), new NightlyCsvBatch(),
      new PaginatedInstanceList(), new PollUntilDone());

  @Test
  void recipesPassCfnLintAndTheAslValidators() throws Exception {
    Path tools = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"), "tools");
    assumeTrue(Files.isExecutable(tools.resolve("cfn-check")) && Files.isExecutable(tools.resolve("asl-check")),
        "skipped: the external checkers are not installed");
    Path out = Path.of("target", "dsl-recipes");
    List<String> cfn = new ArrayList<>(List.of(tools.resolve("cfn-check").toString()));
    List<String> asl = new ArrayList<>(List.of(tools.resolve("asl-check").toString(), "--subst-dummy", "--statelint-lenient"));
    for (Workflow recipe : RECIPES) {
      WorkflowCompiler.compile(recipe).writeTo(out.resolve(recipe.id()), EnumSet.allOf(OutputFile.class));
      cfn.add(out.resolve(recipe.id()).resolve("template.yaml").toString());
      asl.add(out.resolve(recipe.id()).resolve("definition.asl.json").toString());
    }

    String cfnOutput = run(cfn);
    assertThat(cfnOutput.lines().filter(line -> line.contains(": OK (0 crit, 0 warn, 0 info")).count())
        .as(cfnOutput).isEqualTo(RECIPES.size());
    String aslOutput = run(asl);
    assertThat(aslOutput.lines().filter(line -> line.contains("definition.asl.json")))
        .as(aslOutput).hasSize(RECIPES.size()).allMatch(line -> line.contains("asl-validator=ok"));
  }

  /** Runs an external checker; skips the test where it cannot run. */
  static String run(List<String> command) throws Exception {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    assumeTrue(!output.contains("npm ERR") && !output.contains("node: not found"), "skipped: " + output);
    return output;
  }
}
