package io.statecraft.bench.startup;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.HttpInvoke;
import io.statecraft.dsl.Choice;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.EventRule;
import io.statecraft.dsl.workflow.HttpConnection;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The workflow of issue 19's start-up benchmark ({@code bench/startup.sh}): two typed SDK calls,
 * two Pass states, a Choice, an HTTP task with a connection and an EventBridge rule. The CDK app in
 * {@code bench/cdk} builds the same state machine, so that the two are compared on equal work.
 */
public final class OrderNotice implements Workflow {

  static final Parameter TABLE_NAME = Parameter.string("OrdersTableName")
      .description("DynamoDB table of the orders, keyed by orderId");
  static final Parameter TOPIC_ARN = Parameter.string("NoticeTopicArn")
      .description("SNS topic told about each shipped order")
      .allowedPattern("arn:aws[a-z-]*:sns:.+");
  static final Parameter WEBHOOK_URL = Parameter.string("WebhookUrl")
      .description("HTTPS endpoint of the shipping partner")
      .allowedPattern("https://[^@\\s]+");
  static final Parameter API_KEY = Parameter.string("WebhookApiKey")
      .description("API key of the shipping partner, kept by the EventBridge connection")
      .noEcho()
      .minLength(1);

  static final HttpConnection PARTNER = HttpConnection.named("PartnerConnection")
      .description("Holds the partner's API key")
      .apiKey("x-api-key", API_KEY);

  @Override
  public String id() {
    return "order-notice";
  }

  @Override
  public WorkflowSpec spec() {
    return WorkflowSpec.builder(stateMachine())
        .description("Tells the shipping partner and the team about each order placed")
        .parameterGroup("Orders", TABLE_NAME, TOPIC_ARN)
        .parameterGroup("Partner", WEBHOOK_URL, API_KEY)
        .resources(PARTNER)
        .triggers(EventRule.named("OrderPlacedRule")
            .description("Starts order-notice for each order placed")
            .eventPattern(Json.object()
                .put("source", Json.strings("acme.orders"))
                .put("detail-type", Json.strings("OrderPlaced")).build())
            .inputTransformer(Map.of("orderId", "$.detail.orderId"), "{\"orderId\": <orderId>}")
            .retryPolicy(10, 3600)
            .deadLetterQueue())
        .build();
  }

  static StateMachine stateMachine() {
    Pass start = Pass.named("Start")
        .parameters(Json.object().put("orderId", Path.of("$.orderId")).put("source", "event"));
    Task getOrder = Task.named("GetOrder")
        .call(AwsSdk.call(GetItemRequest.builder()
            .tableName(AwsSdk.text(TABLE_NAME.ref()))
            .key(Map.of("orderId", AttributeValue.builder().s(AwsSdk.text(Path.of("$.orderId"))).build()))
            .build()))
        .resultPath(Path.of("$.order"));
    Choice found = Choice.named("OrderFound");
    Pass shape = Pass.named("ShapeNotice")
        .parameters(Json.object()
            .put("orderId", Path.of("$.orderId"))
            .put("status", Path.of("$.order.Item.status.S")));
    Task post = Task.named("PostToPartner")
        .call(HttpInvoke.post(WEBHOOK_URL.ref())
            .connection(PARTNER)
            .header("Content-Type", "application/json")
            .requestBody(Path.of("$")))
        .resultPath(Path.of("$.partner"))
        .timeoutSeconds(30);
    Task publish = Task.named("TellTheTeam")
        .call(AwsSdk.call(PublishRequest.builder()
            .topicArn(AwsSdk.text(TOPIC_ARN.ref()))
            .subject("Order shipped")
            .message(AwsSdk.text(Path.of("$.orderId")))
            .build()));
    Succeed unknown = Succeed.named("UnknownOrder");

    start.next(getOrder);
    getOrder.next(found);
    found.when(Condition.isPresent(Path.of("$.order.Item"), true), shape).otherwise(unknown);
    shape.next(post);
    post.next(publish);
    return StateMachine.startWith(start).comment("Tells the shipping partner and the team about an order");
  }
}
