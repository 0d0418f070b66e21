package io.statecraft.generator.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.asl.Problem;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.MapState;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.EventBus;
import io.statecraft.dsl.workflow.KmsKey;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.Secret;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.StateMachineRef;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whole templates that use every typed resource, created in one and existing in the other, each
 * through the grants a workflow derives from it. They are written to
 * {@code target/statecraft/typed-resources-*}, where {@code scripts/check-templates.sh} (without
 * arguments, as {@code .ci/run} calls it) puts them through cfn-lint and the ASL validators.
 */
class TypedResourceTemplatesTest {

  static final Path OUT = Path.of("target", "statecraft");

  @Test
  void createdResourcesCompileWithoutProblems() throws Exception {
    KmsKey key = KmsKey.named("DataKey");
    Resources created = new Resources(key, SqsQueue.named("Jobs").kmsKey(key),
        DynamoDbTable.named("Orders").key("OrderId", "S"), S3Bucket.named("Data").kmsKey(key),
        StateMachineRef.existing(Parameter.string("ChildArn")), EventBus.named("Events"), Secret.named("Token").kmsKey(key));
    write("typed-resources-created", created);
  }

  @Test
  void existingResourcesCompileWithoutProblems() throws Exception {
    // Example ARNs as defaults: cfn-lint evaluates Fn::Select/Fn::Split with a parameter's default,
    // and guesses "string_input_<Name>" (no ':' or '/', so every part but the first is out of
    // range) for a parameter without one.
    KmsKey key = KmsKey.existing(arn("DataKeyArn", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
    Resources existing = new Resources(key, SqsQueue.existing(arn("JobsArn", "arn:aws:sqs:eu-west-1:111122223333:jobs")).kmsKey(key),
        DynamoDbTable.existing(arn("OrdersArn", "arn:aws:dynamodb:eu-west-1:111122223333:table/orders")),
        S3Bucket.existing(arn("DataArn", "arn:aws:s3:::example-data")).kmsKey(key),
        StateMachineRef.existing(arn("ChildArn", "arn:aws:states:eu-west-1:111122223333:stateMachine:child")),
        EventBus.existing(arn("EventsArn", "arn:aws:events:eu-west-1:111122223333:event-bus/orders")),
        Secret.existing(arn("TokenArn", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:token-AbCdEf")).kmsKey(key));
    write("typed-resources-existing", existing);
  }

  private static Parameter arn(String name, String example) {
    return Parameter.string(name).defaultValue(example);
  }

  private record Resources(KmsKey key, SqsQueue queue, DynamoDbTable table, S3Bucket bucket, StateMachineRef child,
      EventBus bus, Secret secret) {}

  private static void write(String id, Resources r) throws Exception {
    // Each task declares what the typed call (AwsSdk, an optimized integration) would.
    Task send = Task.named("Send").resource("arn:aws:states:::sqs:sendMessage")
        .parameters(Json.object().put("QueueUrl", r.queue().url()).put("MessageBody", "hello"))
        .permissions(all(r.queue().sendStatements(), List.of(IamStatement.allow("sqs:SendMessage",
            "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:" + IamStatement.part(r.queue().url().name(), '/', 4)))));
    Task get = Task.named("Get").resource("arn:aws:states:::aws-sdk:dynamodb:getItem")
        .parameters(Json.object().put("TableName", r.table().name())
            .put("Key", Json.object().put("OrderId", Json.object().put("S", "1"))))
        .permissions(all(r.table().readStatements(), List.of(IamStatement.allow("dynamodb:GetItem",
            "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/" + r.table().name().token()))));
    MapState rows = MapState.named("Rows").distributed(MapState.ExecutionType.STANDARD).itemProcessor(Pass.named("Row"))
        .itemReader(ItemReader.s3Object(r.bucket().name(), Value.of("in/rows.csv")).csv(ItemReader.CsvHeaderLocation.FIRST_ROW))
        .resultWriter(ResultWriter.s3(r.bucket().name(), Value.of("out/")).outputType(ResultWriter.OutputType.JSONL));
    Task child = Task.named("Child").resource("arn:aws:states:::states:startExecution.sync:2")
        .parameters(Json.object().put("StateMachineArn", r.child().arn()))
        .permissions(all(r.child().startStatements(), r.child().followStatements(), List.of(IamStatement.allow(
            List.of("events:PutTargets", "events:PutRule", "events:DescribeRule"),
            List.of("arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:rule/StepFunctionsGetEventsForStepFunctionsExecutionRule")))));
    Task put = Task.named("Put").resource("arn:aws:states:::events:putEvents")
        .parameters(Json.object().put("Entries", Json.array(Json.object().put("EventBusName", r.bus().arn())
            .put("Source", "statecraft.test").put("DetailType", "Done").put("Detail", Json.object().put("ok", true)).build())))
        .permissions(r.bus().putEventsStatement());
    Task secret = Task.named("Secret").resource("arn:aws:states:::aws-sdk:secretsmanager:getSecretValue")
        .parameters(Json.object().put("SecretId", r.secret().arn()))
        .permissions(r.secret().readStatements().toArray(IamStatement[]::new));
    send.next(get).next(rows).next(child).next(put).next(secret);

    WorkflowSpec spec = WorkflowSpec.builder(StateMachine.startWith(send))
        .description("Every typed resource, for cfn-lint")
        .resources(r.key(), r.queue(), r.table(), r.bucket(), r.child(), r.bus(), r.secret())
        .build();
    CompiledWorkflow compiled = WorkflowCompiler.compile(new Workflow() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public WorkflowSpec spec() {
        return spec;
      }
    });

    assertThat(compiled.problems()).extracting(Problem::describe).isEmpty();
    compiled.orThrow().writeTo(OUT.resolve(id), EnumSet.allOf(OutputFile.class));
    assertThat(OUT.resolve(id).resolve("template.yaml")).exists();
  }

  @SafeVarargs
  private static IamStatement[] all(List<IamStatement>... lists) {
    List<IamStatement> all = new ArrayList<>();
    for (List<IamStatement> list : lists) {
      all.addAll(list);
    }
    return all.toArray(IamStatement[]::new);
  }
}
