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
    R topic(SnsTopic topic);

    R connection(HttpConnection connection);

    R function(LambdaFunction function);

    R logGroup(LogGroup logGroup);

    R schedule(Schedule schedule);

    R rule(EventRule rule);

    R maintenanceWindow(MaintenanceWindow window);

    R queue(SqsQueue queue);
    R table(DynamoDbTable table);
    R bucket(S3Bucket bucket);
    R stateMachine(StateMachineRef stateMachine);
    R eventBus(EventBus bus);
    R secret(Secret secret);
    R kmsKey(KmsKey key);
  }
}
