package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import org.junit.jupiter.api.Test;

/** Running a {@link Workflow} and a DSL state machine: what the executor takes from the Java model. */
class WorkflowExecutorTest {

  private static final Parameter FORMAT = Parameter.string("WebhookFormat").defaultValue("slack");
  private static final Parameter LIMIT = Parameter.number("MaxInstances").defaultValue(50);
  private static final Parameter QUEUE_ARN = Parameter.string("WorkQueueArn");
  private static final SnsTopic ALERTS = SnsTopic.named("Alerts");
  private static final SqsQueue WORK = SqsQueue.existing(QUEUE_ARN);
  private static final S3Bucket REPORTS = S3Bucket.named("Reports");
  private static final DynamoDbTable STATE = DynamoDbTable.named("RunState");

  /** A workflow whose one state returns every placeholder it uses. */
  private static final Workflow PLACEHOLDERS = new Workflow() {
    @Override
    public String id() {
      return "placeholders";
    }

    @Override
    public WorkflowSpec spec() {
      Pass show = Pass.named("Show").result(Json.object()
          .put("format", FORMAT.ref())
          .put("limit", LIMIT.ref())
          .put("topic", ALERTS.arn())
          .put("queue", WORK.arn())
          .put("queueUrl", WORK.url())
          .put("bucket", REPORTS.arn())
          .put("bucketName", REPORTS.name())
          .put("table", STATE.arn())
          .put("tableName", STATE.name())
          .build());
      return WorkflowSpec.builder(StateMachine.startWith(show))
          .parameters(FORMAT, LIMIT, QUEUE_ARN)
          .resources(ALERTS, WORK, REPORTS, STATE)
          .build();
    }
  };

  @Test
  void placeholdersDefaultToParameterDefaultsAndWellFormedArnsOfTheResources() {
    Execution execution = LocalExecutor.of(PLACEHOLDERS).run();

    assertThat(execution).succeeded().hasOutput("""
        {
          "format": "slack",
          "limit": "50",
          "topic": "arn:aws:sns:us-east-1:123456789012:Alerts",
          "queue": "arn:aws:sqs:us-east-1:123456789012:WorkQueue",
          "queueUrl": "https://sqs.us-east-1.amazonaws.com/123456789012/WorkQueue",
          "bucket": "arn:aws:s3:::reports",
          "bucketName": "reports",
          "table": "arn:aws:dynamodb:us-east-1:123456789012:table/RunState",
          "tableName": "RunState"
        }
        """);
  }

  @Test
  void aGivenSubstitutionAndTheAccountOverrideTheDefaults() {
    Execution execution = LocalExecutor.of(PLACEHOLDERS)
        .substitution("WebhookFormat", "teams")
        .substitution("WorkQueueArn", "arn:aws:sqs:eu-west-1:111122223333:given")
        .account("eu-west-1", "111122223333")
        .run();

    assertThat(execution).succeeded().hasOutput("""
        {
          "format": "teams",
          "limit": "50",
          "topic": "arn:aws:sns:eu-west-1:111122223333:Alerts",
          "queue": "arn:aws:sqs:eu-west-1:111122223333:given",
          "queueUrl": "https://sqs.eu-west-1.amazonaws.com/111122223333/WorkQueue",
          "bucket": "arn:aws:s3:::reports",
          "bucketName": "reports",
          "table": "arn:aws:dynamodb:eu-west-1:111122223333:table/RunState",
          "tableName": "RunState"
        }
        """);
  }

  @Test
  void aStateMachineWithTwoStatesOfOneNameIsRefused() {
    Pass first = Pass.named("Same");
    Pass second = Pass.named("Same");
    first.next(second);
    StateMachine machine = StateMachine.startWith(first);

    assertThatThrownBy(() -> LocalExecutor.of(machine))
        .isInstanceOf(DefinitionException.class)
        .hasMessage("The definition of the state machine is not valid, so it cannot run:\n"
            + "  ERROR DUPLICATE_STATE_NAME /States/Same: two different states are named 'Same' (the other one is "
            + "built at io/statecraft/testing/WorkflowExecutorTest.java:100); state names must be unique in the whole "
            + "state machine (io/statecraft/testing/WorkflowExecutorTest.java:101)");
  }

  @Test
  void aStateMachineGivenByItsAliasGetsAWellFormedAliasArnAndOneGivenByItsArnAnUnqualifiedArn() {
    Parameter billingAliasArn = Parameter.string("BillingAliasArn");
    Parameter auditArn = Parameter.string("AuditArn");
    // Fully qualified: an import would move the lines the duplicate-name test above asserts.
    var billing = io.statecraft.dsl.workflow.StateMachineRef.alias(billingAliasArn);
    var audit = io.statecraft.dsl.workflow.StateMachineRef.existing(auditArn);
    Workflow starter = new Workflow() {
      @Override
      public String id() {
        return "starter";
      }

      @Override
      public WorkflowSpec spec() {
        Pass show = Pass.named("Show").result(Json.object()
            .put("billing", billing.arn())
            .put("audit", audit.arn())
            .build());
        return WorkflowSpec.builder(StateMachine.startWith(show))
            .parameters(billingAliasArn, auditArn)
            .resources(billing, audit)
            .build();
      }
    };

    Execution execution = LocalExecutor.of(starter).run();

    assertThat(execution).succeeded().hasOutput("""
        {
          "billing": "arn:aws:states:us-east-1:123456789012:stateMachine:Billing:live",
          "audit": "arn:aws:states:us-east-1:123456789012:stateMachine:Audit"
        }
        """);
  }
}
