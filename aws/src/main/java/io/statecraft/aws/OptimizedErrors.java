package io.statecraft.aws;

/**
 * Error names of Step Functions' optimized integrations ({@code arn:aws:states:::dynamodb:putItem},
 * {@code ...:states:startExecution.sync:2}, ...) for {@code Retry} and {@code Catch}:
 * {@code Catch.on(OptimizedErrors.DynamoDB.CONDITIONAL_CHECK_FAILED)}.
 *
 * <p>They are not the AWS SDK integration's names ({@link SdkErrors}): the optimized integrations
 * prefix a service's errors with the older SDK's service name, {@code DynamoDB.} where
 * {@code aws-sdk:dynamodb} raises {@code DynamoDb.}
 * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html, "Exception prefix
 * differences"), and likewise {@code SNS.}, {@code SQS.}, {@code ECS.}, {@code EKS.} and {@code StepFunctions.}
 * where the SDK integration raises {@code Sns.}, {@code Sqs.}, {@code Ecs.}, {@code Eks.} and {@code Sfn.}. The
 * validator reports the other spelling on a task as {@code OPTIMIZED_ERROR_NAME}. For a name not
 * listed, use {@link OptimizedCall#error(String)}. Lambda's names are in {@link LambdaInvoke}.
 */
public final class OptimizedErrors {

  private OptimizedErrors() {}

  /** A {@code .sync} job that ended failed, stopped or timed out (ECS, Batch, Glue, CodeBuild, a child execution). */
  public static final String TASK_FAILED = "States.TaskFailed";

  /** Amazon DynamoDB: {@code dynamodb:getItem}, {@code putItem}, {@code updateItem}, {@code deleteItem}. */
  public static final class DynamoDB {
    private DynamoDB() {}

    /** {@code DynamoDB.ConditionalCheckFailedException}. */
    public static final String CONDITIONAL_CHECK_FAILED = "DynamoDB.ConditionalCheckFailedException";
    /** {@code DynamoDB.ProvisionedThroughputExceededException}. */
    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "DynamoDB.ProvisionedThroughputExceededException";
    /** {@code DynamoDB.RequestLimitExceededException}. */
    public static final String REQUEST_LIMIT_EXCEEDED = "DynamoDB.RequestLimitExceededException";
    /** {@code DynamoDB.ResourceNotFoundException}. */
    public static final String RESOURCE_NOT_FOUND = "DynamoDB.ResourceNotFoundException";
    /** {@code DynamoDB.TransactionConflictException}. */
    public static final String TRANSACTION_CONFLICT = "DynamoDB.TransactionConflictException";
    /** {@code DynamoDB.ItemCollectionSizeLimitExceededException}. */
    public static final String ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED = "DynamoDB.ItemCollectionSizeLimitExceededException";
    /** {@code DynamoDB.InternalServerErrorException}. */
    public static final String INTERNAL_SERVER_ERROR = "DynamoDB.InternalServerErrorException";
    /** {@code DynamoDB.ThrottlingException}. */
    public static final String THROTTLING = "DynamoDB.ThrottlingException";
    /** Any other DynamoDB error. */
    public static final String SERVICE = "DynamoDB.AmazonDynamoDBException";
    /** A failure before DynamoDB answered. */
    public static final String CLIENT = "DynamoDB.SdkClientException";
  }

  /** AWS Step Functions: {@code states:startExecution} in every pattern. */
  public static final class StepFunctions {
    private StepFunctions() {}

    /** {@code StepFunctions.ExecutionAlreadyExistsException}. */
    public static final String EXECUTION_ALREADY_EXISTS = "StepFunctions.ExecutionAlreadyExistsException";
    /** {@code StepFunctions.ExecutionLimitExceededException}. */
    public static final String EXECUTION_LIMIT_EXCEEDED = "StepFunctions.ExecutionLimitExceededException";
    /** {@code StepFunctions.StateMachineDoesNotExistException}. */
    public static final String STATE_MACHINE_DOES_NOT_EXIST = "StepFunctions.StateMachineDoesNotExistException";
    /** {@code StepFunctions.StateMachineDeletingException}. */
    public static final String STATE_MACHINE_DELETING = "StepFunctions.StateMachineDeletingException";
    /** {@code StepFunctions.InvalidArnException}. */
    public static final String INVALID_ARN = "StepFunctions.InvalidArnException";
    /** {@code StepFunctions.InvalidExecutionInputException}. */
    public static final String INVALID_EXECUTION_INPUT = "StepFunctions.InvalidExecutionInputException";
    /** {@code StepFunctions.InvalidNameException}. */
    public static final String INVALID_NAME = "StepFunctions.InvalidNameException";
    /** Any other Step Functions error, throttling among them. */
    public static final String SERVICE = "StepFunctions.AWSStepFunctionsException";
    /** {@code StepFunctions.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "StepFunctions.SdkClientException";
  }

  /** Amazon SNS: {@code sns:publish}. */
  public static final class Sns {
    private Sns() {}

    /** {@code SNS.NotFoundException}. */
    public static final String NOT_FOUND = "SNS.NotFoundException";
    /** {@code SNS.InvalidParameterException}. */
    public static final String INVALID_PARAMETER = "SNS.InvalidParameterException";
    /** {@code SNS.AuthorizationErrorException}. */
    public static final String AUTHORIZATION_ERROR = "SNS.AuthorizationErrorException";
    /** {@code SNS.ThrottledException}. */
    public static final String THROTTLED = "SNS.ThrottledException";
    /** {@code SNS.InternalErrorException}. */
    public static final String INTERNAL_ERROR = "SNS.InternalErrorException";
    /** {@code SNS.KMSAccessDeniedException}. */
    public static final String KMS_ACCESS_DENIED = "SNS.KMSAccessDeniedException";
    /** {@code SNS.AmazonSNSException}: any error of the service that has no class of its own in the SDK model. */
    public static final String SERVICE = "SNS.AmazonSNSException";
    /** {@code SNS.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "SNS.SdkClientException";
  }

  /** Amazon SQS: {@code sqs:sendMessage}. */
  public static final class Sqs {
    private Sqs() {}

    /** {@code SQS.QueueDoesNotExistException}. */
    public static final String QUEUE_DOES_NOT_EXIST = "SQS.QueueDoesNotExistException";
    /** {@code SQS.InvalidMessageContentsException}. */
    public static final String INVALID_MESSAGE_CONTENTS = "SQS.InvalidMessageContentsException";
    /** {@code SQS.KmsAccessDeniedException}. */
    public static final String KMS_ACCESS_DENIED = "SQS.KmsAccessDeniedException";
    /** Any other SQS error, throttling and 5xx among them. */
    public static final String SERVICE = "SQS.AmazonSQSException";
    /** {@code SQS.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "SQS.SdkClientException";
  }

  /** Amazon ECS: {@code ecs:runTask}. */
  public static final class Ecs {
    private Ecs() {}

    /** RunTask refused or could not place the task (capacity, throttling, a bad task definition). */
    public static final String SERVICE = "ECS.AmazonECSException";
    /** {@code ECS.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "ECS.SdkClientException";
  }

  /**
   * Amazon EKS: the cluster, node group and Fargate profile calls ({@code eks:createCluster}, ...) and
   * the Kubernetes API calls of {@link EksCluster} ({@code eks:runJob}, {@code eks:call}). The prefix is
   * {@code EKS}, as the EKS page spells {@code EKS.401}
   * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html); the AWS SDK integration
   * ({@code aws-sdk:eks:...}) raises {@code Eks.} instead, which the validator reports on an optimized
   * task as {@code OPTIMIZED_ERROR_NAME}. Only {@link #UNAUTHORIZED} is written out by AWS; the
   * exception names are the EKS API's errors under that prefix.
   */
  public static final class Eks {
    private Eks() {}

    /**
     * {@code EKS.401}: {@code eks:runJob} or {@code eks:call} was refused by the Kubernetes API server,
     * because the state machine's role has no permission in the cluster's RBAC (connect-eks.html,
     * "Permissions").
     */
    public static final String UNAUTHORIZED = "EKS.401";
    /** {@code EKS.ResourceInUseException}: the name is taken, or the cluster still has node groups or Fargate profiles. */
    public static final String RESOURCE_IN_USE = "EKS.ResourceInUseException";
    /** {@code EKS.ResourceNotFoundException}: no such cluster, node group or Fargate profile. */
    public static final String RESOURCE_NOT_FOUND = "EKS.ResourceNotFoundException";
    /** {@code EKS.ResourceLimitExceededException}: a service quota was reached. */
    public static final String RESOURCE_LIMIT_EXCEEDED = "EKS.ResourceLimitExceededException";
    /** {@code EKS.InvalidParameterException}. */
    public static final String INVALID_PARAMETER = "EKS.InvalidParameterException";
    /** {@code EKS.InvalidRequestException}: the request is not valid for the resource's current state. */
    public static final String INVALID_REQUEST = "EKS.InvalidRequestException";
    /** {@code EKS.ServiceUnavailableException}. */
    public static final String SERVICE_UNAVAILABLE = "EKS.ServiceUnavailableException";
    /** {@code EKS.AmazonEKSException}: any other EKS error, the older SDK's base exception. */
    public static final String SERVICE = "EKS.AmazonEKSException";
    /** {@code EKS.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "EKS.SdkClientException";
  }

  /** Amazon EventBridge: {@code events:putEvents}. */
  public static final class EventBridge {
    private EventBridge() {}

    /**
     * PutEvents answered with a non-zero {@code FailedEntryCount}
     * (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html).
     */
    public static final String FAILED_ENTRY = "EventBridge.FailedEntry";
  }
}
