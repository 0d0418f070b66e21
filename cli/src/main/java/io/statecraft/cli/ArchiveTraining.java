package io.statecraft.cli;

import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.States;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.iam.ArnFormats;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionRequest;

/**
 * The training run of the {@code statecraft} launcher script: it runs {@code generate}, {@code lint},
 * {@code render}, {@code import} and {@code run} once each on a small sample, in a temporary folder
 * and with their output discarded, so that the class-data sharing archive the launcher creates with
 * {@code -XX:ArchiveClassesAtExit} holds the classes of every common command, whichever command a
 * user happens to run first. Not a command: the launcher calls this class directly.
 */
public final class ArchiveTraining {

  private ArchiveTraining() {}

  public static void main(String[] args) throws IOException {
    Main.quietenSlf4j();
    List<String> failed = train();
    if (!failed.isEmpty()) {
      // The launcher then keeps no archive and runs without one; nothing is lost but speed.
      System.err.println("statecraft: the training run failed for " + String.join(", ", failed));
      System.exit(ExitStatus.CRASH);
    }
  }

  /** Runs every command of the training once; returns the commands that did not exit with 0. */
  static List<String> train() throws IOException {
    touchTypedSdkCallClasses();
    java.nio.file.Path folder = Files.createTempDirectory("statecraft-training");
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
    List<String> failed = new ArrayList<>();
    try {
      String output = folder.toString();
      String definition = folder.resolve("training/definition.asl.json").toString();
      List<List<String>> commands = List.of(
          List.of("generate", "--class", Sample.class.getName(), "--output", output),
          List.of("lint", "--format", "json", definition),
          List.of("render", definition),
          List.of("import", "--package", "training", definition),
          List.of("run", definition, "--input", "{\"id\": \"1\"}", "--echo-unmocked", "--subst", "Endpoint=https://example.com",
              "--subst", "PartnerConnectionArn=arn:aws:events:us-east-1:111122223333:connection/p/1"));
      for (List<String> command : commands) {
        if (Main.run(command.toArray(String[]::new), discard, discard) != ExitStatus.OK) {
          failed.add(command.get(0));
        }
      }
    } finally {
      deleteRecursively(folder);
    }
    return failed;
  }

  /**
   * What a workflow's typed SDK call (statecraft-aws's {@code AwsSdk.call}) loads from this jar: the
   * SDK's request, builder and field classes that every service's model extends, and the IAM
   * catalogue's ARN formats. The call and the service's own model come from the user's class path,
   * which no archive made here can hold, but these come from the jar and so are archived.
   */
  private static void touchTypedSdkCallClasses() {
    DescribeExecutionRequest request = DescribeExecutionRequest.builder().executionArn("training").build();
    request.sdkFields().forEach(field -> field.memberName());
    request.toBuilder().build();
    ArnFormats.toFnSub("arn:${Partition}:states:${Region}:${Account}:execution:${StateMachineName}:${ExecutionId}");
  }

  private static void deleteRecursively(java.nio.file.Path folder) throws IOException {
    try (Stream<java.nio.file.Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.delete(path);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  /**
   * An AWS SDK integration as a workflow's typed call gives one, so that generating the sample goes
   * through what such a call does: its {@link Integration}, and the data-flow check that reads the
   * response's model (Step Functions' {@code DescribeExecutionResponse}, in this jar). The resource
   * is the SDK integration's form, {@code arn:aws:states:::aws-sdk:<service>:<action>}
   * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
   */
  private static final class DescribeExecutionCall implements Integration {

    @Override
    public String resource() {
      return "arn:aws:states:::aws-sdk:sfn:describeExecution";
    }

    @Override
    public Value payload() {
      return Json.object().put("ExecutionArn", Path.of("$.id")).build();
    }

    // states:DescribeExecution acts on the execution resource type, arn:...:execution:<machine>:<id>
    // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html).
    @Override
    public List<IamStatement> iamStatements() {
      return List.of(IamStatement.allow("states:DescribeExecution", IamStatement.THIS_STATE_MACHINE_EXECUTIONS));
    }
  }

  /** A workflow that touches what most do: parameters, a connection, a rule, JSONPath and JSONata. */
  public static final class Sample implements Workflow {

    @Override
    public String id() {
      return "training";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter endpoint = Parameter.string("Endpoint").description("Where to post").allowedPattern("https://.+");
      Parameter key = Parameter.string("ApiKey").description("The endpoint's key").noEcho().minLength(1);
      HttpConnection connection = HttpConnection.named("PartnerConnection").apiKey("x-api-key", key);
      Pass start = Pass.named("Start")
          .parameters(Json.object().put("id", Path.of("$.id")).put("text", States.format("order {}", Path.of("$.id"))));
      Task post = Task.named("Post")
          .resource("arn:aws:states:::http:invoke")
          .parameters(Json.object()
              .put("ApiEndpoint", endpoint.ref())
              .put("Method", "POST")
              .put("Authentication", Json.object().put("ConnectionArn", connection.arn()))
              .put("RequestBody", Path.of("$")))
          .retry(Retry.on("States.Http.StatusCode.503").intervalSeconds(2).maxAttempts(3).backoffRate(2))
          .permissions(connection.iamStatementsForInvoke(endpoint.ref(), "POST").toArray(new IamStatement[0]));
      Task describe = Task.named("Describe").call(new DescribeExecutionCall()).resultPath(Path.of("$.execution"));
      Choice posted = Choice.named("Posted");
      Pass summarize = Pass.named("Summarize")
          .queryLanguage(QueryLanguage.JSONATA)
          .assign("summary", Jsonata.of("$states.input.id & ' posted'"));
      Succeed done = Succeed.named("Done");
      start.next(describe);
      describe.next(post);
      post.next(posted);
      posted.when(Condition.isPresent(Path.of("$.id"), true), summarize).otherwise(done);
      summarize.next(done);
      return WorkflowSpec.builder(StateMachine.startWith(start))
          .description("The launcher's training sample")
          .parameterGroup("Partner", endpoint, key)
          .resources(connection)
          .triggers(EventRule.named("Rule")
              .eventPattern(Json.object().put("source", Json.strings("training")).build())
              .deadLetterQueue()
              .retryPolicy(2, 3600))
          .build();
    }
  }
}
