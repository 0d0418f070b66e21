package io.statecraft.dsl.workflow;

/**
 * A resource a {@link Workflow} deploys beside its state machine: a supporting resource its
 * states use ({@link SnsTopic}, {@link SqsQueue}, {@link DynamoDbTable}, {@link S3Bucket}, {@link EventBus},
 * {@link Secret}, {@link KmsKey}, {@link StateMachineRef}, {@link HttpConnection}, {@link LambdaFunction}, {@link LogGroup})
 * or a {@link Trigger} that starts it.
 *
 * <p>The logical id names the resource in the template (letters and digits, unique in the
 * template); physical names are left to CloudFormation unless the user asks for one, so the stack
 * deploys any number of times in any account and region. These ids are reserved for what the
 * generator adds: {@code StateMachine}, {@code StateMachineRole}, {@code StateMachinePolicy},
 * {@code StateMachineLogGroup}, and ids ending in {@code Role} after a trigger's or function's id.
 */
public sealed interface WorkflowResource
    permits ArnResource, LogGroup, Trigger {

  /** The resource's logical id in the template. */
  String logicalId();

  /**
   * Calls the method of {@code visitor} for this resource's type. Code that treats each type of
   * resource its own way (the template generator) dispatches here instead of testing
   * {@code instanceof}: a new type of resource adds its method to {@link Visitor}, and every
   * visitor then fails to compile until it handles the new type.
   */
  <R> R accept(Visitor<R> visitor);

  /** One method per type of resource; see {@link #accept(Visitor)}. */
  interface Visitor<R> {
    /** Handles an SNS topic. */
    R topic(SnsTopic topic);

    /** Handles an EventBridge connection for HTTP Tasks. */
    R connection(HttpConnection connection);

    /** Handles a Lambda function. */
    R function(LambdaFunction function);

    /** Handles a CloudWatch Logs log group. */
    R logGroup(LogGroup logGroup);

    /** Handles an EventBridge Scheduler schedule. */
    R schedule(Schedule schedule);

    /** Handles an EventBridge rule. */
    R rule(EventRule rule);

    /** Handles a Systems Manager maintenance window. */
    R maintenanceWindow(MaintenanceWindow window);

    /** Handles an SQS queue. */
    R queue(SqsQueue queue);

    /** Handles a DynamoDB table. */
    R table(DynamoDbTable table);

    /** Handles an S3 bucket. */
    R bucket(S3Bucket bucket);

    /** Handles another state machine the workflow starts. */
    R stateMachine(StateMachineRef stateMachine);

    /** Handles an EventBridge event bus. */
    R eventBus(EventBus bus);

    /** Handles a Secrets Manager secret. */
    R secret(Secret secret);

    /** Handles a KMS key. */
    R kmsKey(KmsKey key);
  }
}
