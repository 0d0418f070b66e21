package bench.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.CfnParameter;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.SecretValue;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.events.Authorization;
import software.amazon.awscdk.services.events.Connection;
import software.amazon.awscdk.services.events.EventField;
import software.amazon.awscdk.services.events.EventPattern;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.RuleTargetInput;
import software.amazon.awscdk.services.events.targets.SfnStateMachine;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.stepfunctions.Choice;
import software.amazon.awscdk.services.stepfunctions.Condition;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.Pass;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.Succeed;
import software.amazon.awscdk.services.stepfunctions.TaskInput;
import software.amazon.awscdk.services.stepfunctions.Timeout;
import software.amazon.awscdk.services.stepfunctions.tasks.CallAwsService;
import software.amazon.awscdk.services.stepfunctions.tasks.HttpInvoke;
import software.amazon.awscdk.services.stepfunctions.tasks.HttpMethod;

/**
 * bench's OrderNotice workflow written with the AWS CDK for Java: the same states (two SDK calls,
 * two Pass states, a Choice, an HTTP task with a connection), the same EventBridge rule with its
 * dead-letter queue, logging and tracing on as Statecraft has them by default. {@code app.synth()}
 * writes the template to CDK_OUTDIR, as {@code cdk synth} would.
 */
public final class OrderNoticeApp {

  private OrderNoticeApp() {}

  public static void main(String[] args) {
    App app = new App();
    Stack stack = new Stack(app, "OrderNotice");
    CfnParameter table = CfnParameter.Builder.create(stack, "OrdersTableName")
        .description("DynamoDB table of the orders, keyed by orderId").build();
    CfnParameter topic = CfnParameter.Builder.create(stack, "NoticeTopicArn")
        .description("SNS topic told about each shipped order").allowedPattern("arn:aws[a-z-]*:sns:.+").build();
    CfnParameter webhook = CfnParameter.Builder.create(stack, "WebhookUrl")
        .description("HTTPS endpoint of the shipping partner").allowedPattern("https://[^@\\s]+").build();
    CfnParameter apiKey = CfnParameter.Builder.create(stack, "WebhookApiKey")
        .description("API key of the shipping partner, kept by the EventBridge connection")
        .noEcho(true).minLength(1).build();

    Connection partner = Connection.Builder.create(stack, "PartnerConnection")
        .description("Holds the partner's API key")
        .authorization(Authorization.apiKey("x-api-key", SecretValue.cfnParameter(apiKey)))
        .build();

    Pass start = Pass.Builder.create(stack, "Start")
        .parameters(Map.of("orderId.$", "$.orderId", "source", "event")).build();
    CallAwsService getOrder = CallAwsService.Builder.create(stack, "GetOrder")
        .service("dynamodb").action("getItem")
        .parameters(Map.of("TableName", table.getValueAsString(),
            "Key", Map.of("orderId", Map.of("S.$", "$.orderId"))))
        .iamResources(List.of(stack.formatArn(software.amazon.awscdk.ArnComponents.builder()
            .service("dynamodb").resource("table").resourceName(table.getValueAsString()).build())))
        .resultPath("$.order").build();
    Choice found = Choice.Builder.create(stack, "OrderFound").build();
    Pass shape = Pass.Builder.create(stack, "ShapeNotice")
        .parameters(Map.of("orderId.$", "$.orderId", "status.$", "$.order.Item.status.S")).build();
    HttpInvoke post = HttpInvoke.Builder.create(stack, "PostToPartner")
        .apiRoot(webhook.getValueAsString()).apiEndpoint(TaskInput.fromText(""))
        .method(TaskInput.fromText(HttpMethod.POST.name()))
        .connection(partner)
        .headers(TaskInput.fromObject(Map.of("Content-Type", "application/json")))
        .body(TaskInput.fromJsonPathAt("$"))
        .resultPath("$.partner")
        .taskTimeout(Timeout.duration(Duration.seconds(30))).build();
    CallAwsService publish = CallAwsService.Builder.create(stack, "TellTheTeam")
        .service("sns").action("publish")
        .parameters(Map.of("TopicArn", topic.getValueAsString(), "Subject", "Order shipped", "Message.$", "$.orderId"))
        .iamResources(List.of(topic.getValueAsString())).build();
    Succeed unknown = Succeed.Builder.create(stack, "UnknownOrder").build();

    StateMachine machine = StateMachine.Builder.create(stack, "StateMachine")
        .comment("Tells the shipping partner and the team about an order")
        .definitionBody(DefinitionBody.fromChainable(start.next(getOrder).next(found
            .when(Condition.isPresent("$.order.Item"), shape.next(post).next(publish))
            .otherwise(unknown))))
        .logs(LogOptions.builder().destination(new LogGroup(stack, "Logs")).level(LogLevel.ALL).build())
        .tracingEnabled(true)
        .build();

    Rule.Builder.create(stack, "OrderPlacedRule")
        .description("Starts order-notice for each order placed")
        .eventPattern(EventPattern.builder().source(List.of("acme.orders")).detailType(List.of("OrderPlaced")).build())
        .targets(List.of(SfnStateMachine.Builder.create(machine)
            .input(RuleTargetInput.fromObject(Map.of("orderId", EventField.fromPath("$.detail.orderId"))))
            .retryAttempts(10).maxEventAge(Duration.hours(1))
            .deadLetterQueue(new Queue(stack, "DeadLetterQueue"))
            .build()))
        .build();
    app.synth();
  }
}
