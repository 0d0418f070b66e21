package io.statecraft.workflows.dsl;

import io.statecraft.aws.AwsSdk;
import io.statecraft.aws.LambdaInvoke;
import io.statecraft.aws.OptimizedErrors;
import io.statecraft.dsl.Catch;
import io.statecraft.dsl.Errors;
import io.statecraft.dsl.Fail;
import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Retry;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.Succeed;
import io.statecraft.dsl.Task;
import io.statecraft.dsl.workflow.DynamoDbTable;
import io.statecraft.dsl.workflow.LambdaFunction;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.SnsTopic;
import io.statecraft.dsl.workflow.SqsQueue;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.sns.model.PublishRequest;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Recipe of docs/dsl.md, a saga: reserve the stock, charge the card, ask for shipping, confirm. When a
 * step fails, the steps done before it are undone in reverse order (refund, release), then the
 * execution fails with the original error.
 */
public final class OrderSaga implements Workflow {

  @Override
  public String id() {
    return "order-saga";
  }

  @Override
  public WorkflowSpec spec() {
    DynamoDbTable reservations = DynamoDbTable.named("Reservations").key("orderId", "S");
    LambdaFunction payments = LambdaFunction.existing(Parameter.string("PaymentsFunctionArn"));
    SqsQueue shipping = SqsQueue.named("ShippingQueue");
    SnsTopic events = SnsTopic.named("OrderEvents");
    Map<String, AttributeValue> orderKey =
        Map.of("orderId", AttributeValue.builder().s(AwsSdk.text(Path.input().field("orderId"))).build());
    Retry transientLambda = Retry.on(LambdaInvoke.TRANSIENT_ERRORS).intervalSeconds(1).maxAttempts(3).backoffRate(2);
    Catch toUndo = Catch.on(Errors.ALL).resultPath(Path.input().field("error"));

    // The steps, each with its undo.
    Task reserve = Task.named("ReserveStock")
        .call(AwsSdk.optimized(PutItemRequest.builder()
                .tableName(AwsSdk.text(reservations.name()))
                .item(orderKey)
                .conditionExpression("attribute_not_exists(orderId)")
                .build())
            .permissions(reservations.writeStatements().toArray(IamStatement[]::new)))
        .discardResult();
    Task charge = Task.named("ChargeCard")
        .call(LambdaInvoke.function(payments.arn())
            .payload(Json.object().put("action", "charge").put("order", Path.input()).build()))
        .retry(transientLambda)
        .resultSelector(Json.object().put("chargeId", LambdaInvoke.PAYLOAD.field("chargeId")))
        .resultPath(Path.input().field("payment"));
    Task ship = Task.named("RequestShipping")
        .call(AwsSdk.optimized(SendMessageRequest.builder().queueUrl(AwsSdk.text(shipping.url())).build())
            .with("MessageBody", Json.object().put("orderId", Path.input().field("orderId")).build())
            .permissions(shipping.sendStatements().toArray(IamStatement[]::new)))
        .retry(Retry.on(OptimizedErrors.Sqs.SERVICE).intervalSeconds(2).maxAttempts(2))
        .discardResult();
    Task confirm = Task.named("Confirm")
        .call(AwsSdk.optimized(PublishRequest.builder().topicArn(AwsSdk.text(events.arn())).build())
            .with("Message", Json.object().put("orderId", Path.input().field("orderId")).put("status", "confirmed").build())
            .permissions(events.publishStatements().toArray(IamStatement[]::new)))
        .discardResult();

    Task refund = Task.named("RefundCard")
        .call(LambdaInvoke.function(payments.arn())
            .payload(Json.object().put("action", "refund").put("chargeId", Path.input().fields("payment", "chargeId")).build()))
        .retry(Retry.on(Errors.ALL).intervalSeconds(5).maxAttempts(10).backoffRate(2).maxDelaySeconds(300))
        .discardResult();
    Task release = Task.named("ReleaseStock")
        .call(AwsSdk.optimized(DeleteItemRequest.builder()
                .tableName(AwsSdk.text(reservations.name())).key(orderKey).build())
            .permissions(reservations.writeStatements().toArray(IamStatement[]::new)))
        .retry(Retry.on(Errors.ALL).intervalSeconds(5).maxAttempts(10).backoffRate(2).maxDelaySeconds(300))
        .discardResult();
    Fail failed = Fail.named("OrderFailed")
        .errorPath(Path.input().fields("error", "Error"))
        .causePath(Path.input().fields("error", "Cause"));

    // The happy path, and where each failure goes: undo what was done, newest first.
    reserve.next(charge).next(ship).next(confirm).next(Succeed.named("OrderPlaced"));
    reserve.catchErrors(Catch.on(OptimizedErrors.DynamoDB.CONDITIONAL_CHECK_FAILED),
        Fail.named("AlreadyReserved").error("Order.Duplicate").cause("this order was already placed"));
    charge.catchErrors(toUndo, release);
    ship.catchErrors(toUndo, refund);
    refund.next(release).next(failed);

    return WorkflowSpec.builder(StateMachine.startWith(reserve))
        .description("Places an order: stock, payment, shipping; undone in reverse when a step fails")
        .resources(reservations, payments, shipping, events)
        .build();
  }
}
