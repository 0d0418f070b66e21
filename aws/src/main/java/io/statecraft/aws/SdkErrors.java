package io.statecraft.aws;

/**
 * Error names of AWS SDK integrations ({@code arn:aws:states:::aws-sdk:...}) for {@code Retry} and
 * {@code Catch}, by service: {@code Retry.on(SdkErrors.Ssm.INVOCATION_DOES_NOT_EXIST)}.
 *
 * <p>Each name is {@code <Prefix>.<ExceptionClass>} as Step Functions raises it (see
 * {@link ServiceErrors}); the tests check every one against the AWS SDK's own exception classes.
 * The SDK maps every error code its service model has a class for to that class, whichever
 * operation returned it, so {@code Ssm.ThrottlingException} can come from any SSM call.
 * {@code SERVICE} in each service is its base exception: an error code the model has no class for
 * (EC2's codes, IAM's and Step Functions' throttling) arrives under it. {@code CLIENT} is a failure before the service
 * answered. For a name not listed here, use {@link AwsSdk#error(Class)} with the SDK's exception
 * class, or {@link AwsSdk#errorsOf(Class)}.
 */
public final class SdkErrors {

  private SdkErrors() {}

  /** Amazon EC2. Its model declares no errors: every EC2 error code arrives as {@link #SERVICE}. */
  public static final class Ec2 {
    private Ec2() {}

    /** Any EC2 error ({@code InvalidInstanceID.NotFound}, {@code RequestLimitExceeded}, ...); the code is in the cause. */
    public static final String SERVICE = "Ec2.Ec2Exception";
    /** {@code Ec2.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Ec2.SdkClientException";
  }

  /** AWS Systems Manager. */
  public static final class Ssm {
    private Ssm() {}

    /** GetCommandInvocation right after SendCommand, before the invocation exists: retry it. */
    public static final String INVOCATION_DOES_NOT_EXIST = "Ssm.InvocationDoesNotExistException";
    /** {@code Ssm.InvalidInstanceIdException}. */
    public static final String INVALID_INSTANCE_ID = "Ssm.InvalidInstanceIdException";
    /** {@code Ssm.InvalidCommandIdException}. */
    public static final String INVALID_COMMAND_ID = "Ssm.InvalidCommandIdException";
    /** {@code Ssm.InvalidDocumentException}. */
    public static final String INVALID_DOCUMENT = "Ssm.InvalidDocumentException";
    /** {@code Ssm.InvalidFilterException}. */
    public static final String INVALID_FILTER = "Ssm.InvalidFilterException";
    /** {@code Ssm.InvalidNextTokenException}. */
    public static final String INVALID_NEXT_TOKEN = "Ssm.InvalidNextTokenException";
    /** {@code Ssm.InternalServerErrorException}. */
    public static final String INTERNAL_SERVER_ERROR = "Ssm.InternalServerErrorException";
    /** Too many requests, from any SSM call. */
    public static final String THROTTLING = "Ssm.ThrottlingException";
    /** Error codes the SSM model has no class for. */
    public static final String SERVICE = "Ssm.SsmException";
    /** {@code Ssm.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Ssm.SdkClientException";
  }

  /** AWS Identity and Access Management. */
  public static final class Iam {
    private Iam() {}

    /** {@code Iam.NoSuchEntityException}. */
    public static final String NO_SUCH_ENTITY = "Iam.NoSuchEntityException";
    /** {@code Iam.LimitExceededException}. */
    public static final String LIMIT_EXCEEDED = "Iam.LimitExceededException";
    /** {@code Iam.ServiceFailureException}. */
    public static final String SERVICE_FAILURE = "Iam.ServiceFailureException";
    /** Error codes the IAM model has no class for, throttling ({@code Throttling}) among them. */
    public static final String SERVICE = "Iam.IamException";
    /** {@code Iam.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Iam.SdkClientException";
  }

  /** AWS CloudTrail. */
  public static final class CloudTrail {
    private CloudTrail() {}

    /** {@code CloudTrail.InvalidLookupAttributesException}. */
    public static final String INVALID_LOOKUP_ATTRIBUTES = "CloudTrail.InvalidLookupAttributesException";
    /** {@code CloudTrail.InvalidTimeRangeException}. */
    public static final String INVALID_TIME_RANGE = "CloudTrail.InvalidTimeRangeException";
    /** {@code CloudTrail.InvalidNextTokenException}. */
    public static final String INVALID_NEXT_TOKEN = "CloudTrail.InvalidNextTokenException";
    /** {@code CloudTrail.InvalidMaxResultsException}. */
    public static final String INVALID_MAX_RESULTS = "CloudTrail.InvalidMaxResultsException";
    /** Too many requests (LookupEvents allows two a second per account and region). */
    public static final String THROTTLING = "CloudTrail.ThrottlingException";
    /** Error codes the CloudTrail model has no class for. */
    public static final String SERVICE = "CloudTrail.CloudTrailException";
    /** {@code CloudTrail.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "CloudTrail.SdkClientException";
  }

  /** Amazon SNS. */
  public static final class Sns {
    private Sns() {}

    /** {@code Sns.NotFoundException}. */
    public static final String NOT_FOUND = "Sns.NotFoundException";
    /** {@code Sns.InvalidParameterException}. */
    public static final String INVALID_PARAMETER = "Sns.InvalidParameterException";
    /** {@code Sns.AuthorizationErrorException}. */
    public static final String AUTHORIZATION_ERROR = "Sns.AuthorizationErrorException";
    /** {@code Sns.ThrottledException}. */
    public static final String THROTTLED = "Sns.ThrottledException";
    /** {@code Sns.InternalErrorException}. */
    public static final String INTERNAL_ERROR = "Sns.InternalErrorException";
    /** {@code Sns.SnsException}: any error of the service that has no class of its own in the SDK model. */
    public static final String SERVICE = "Sns.SnsException";
    /** {@code Sns.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Sns.SdkClientException";
  }

  /** Amazon S3. */
  public static final class S3 {
    private S3() {}

    /** {@code S3.NoSuchKeyException}. */
    public static final String NO_SUCH_KEY = "S3.NoSuchKeyException";
    /** {@code S3.NoSuchBucketException}. */
    public static final String NO_SUCH_BUCKET = "S3.NoSuchBucketException";
    /** {@code S3.BucketAlreadyExistsException}. */
    public static final String BUCKET_ALREADY_EXISTS = "S3.BucketAlreadyExistsException";
    /** {@code S3.BucketAlreadyOwnedByYouException}. */
    public static final String BUCKET_ALREADY_OWNED_BY_YOU = "S3.BucketAlreadyOwnedByYouException";
    /** Undeclared errors: access denied, slow down, ... */
    public static final String SERVICE = "S3.S3Exception";
    /** {@code S3.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "S3.SdkClientException";
  }

  /** Amazon DynamoDB. */
  public static final class DynamoDb {
    private DynamoDb() {}

    /** {@code DynamoDb.ConditionalCheckFailedException}. */
    public static final String CONDITIONAL_CHECK_FAILED = "DynamoDb.ConditionalCheckFailedException";
    /** {@code DynamoDb.ProvisionedThroughputExceededException}. */
    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "DynamoDb.ProvisionedThroughputExceededException";
    /** {@code DynamoDb.RequestLimitExceededException}. */
    public static final String REQUEST_LIMIT_EXCEEDED = "DynamoDb.RequestLimitExceededException";
    /** {@code DynamoDb.ResourceNotFoundException}. */
    public static final String RESOURCE_NOT_FOUND = "DynamoDb.ResourceNotFoundException";
    /** {@code DynamoDb.TransactionConflictException}. */
    public static final String TRANSACTION_CONFLICT = "DynamoDb.TransactionConflictException";
    /** {@code DynamoDb.InternalServerErrorException}. */
    public static final String INTERNAL_SERVER_ERROR = "DynamoDb.InternalServerErrorException";
    /** {@code DynamoDb.ThrottlingException}. */
    public static final String THROTTLING = "DynamoDb.ThrottlingException";
    /** {@code DynamoDb.DynamoDbException}: any error of the service that has no class of its own in the SDK model. */
    public static final String SERVICE = "DynamoDb.DynamoDbException";
    /** {@code DynamoDb.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "DynamoDb.SdkClientException";
  }

  /** AWS Step Functions itself. */
  public static final class Sfn {
    private Sfn() {}

    /** {@code Sfn.ExecutionAlreadyExistsException}. */
    public static final String EXECUTION_ALREADY_EXISTS = "Sfn.ExecutionAlreadyExistsException";
    /** {@code Sfn.ExecutionLimitExceededException}. */
    public static final String EXECUTION_LIMIT_EXCEEDED = "Sfn.ExecutionLimitExceededException";
    /** {@code Sfn.ExecutionDoesNotExistException}. */
    public static final String EXECUTION_DOES_NOT_EXIST = "Sfn.ExecutionDoesNotExistException";
    /** {@code Sfn.StateMachineDoesNotExistException}. */
    public static final String STATE_MACHINE_DOES_NOT_EXIST = "Sfn.StateMachineDoesNotExistException";
    /** {@code Sfn.InvalidArnException}. */
    public static final String INVALID_ARN = "Sfn.InvalidArnException";
    /** {@code Sfn.InvalidExecutionInputException}. */
    public static final String INVALID_EXECUTION_INPUT = "Sfn.InvalidExecutionInputException";
    /** {@code Sfn.TaskDoesNotExistException}. */
    public static final String TASK_DOES_NOT_EXIST = "Sfn.TaskDoesNotExistException";
    /** {@code Sfn.TaskTimedOutException}. */
    public static final String TASK_TIMED_OUT = "Sfn.TaskTimedOutException";
    /** Error codes the Step Functions model has no class for, throttling among them. */
    public static final String SERVICE = "Sfn.SfnException";
    /** {@code Sfn.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Sfn.SdkClientException";
  }

  /**
   * AWS Lambda through the SDK integration ({@code aws-sdk:lambda:invoke}); the optimized
   * integration's names are in {@link LambdaInvoke}.
   */
  public static final class Lambda {
    private Lambda() {}

    /** {@code Lambda.ResourceNotFoundException}. */
    public static final String RESOURCE_NOT_FOUND = "Lambda.ResourceNotFoundException";
    /** {@code Lambda.TooManyRequestsException}. */
    public static final String TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";
    /** Lambda's own service failure, worth a retry. */
    public static final String SERVICE_EXCEPTION = "Lambda.ServiceException";
    /** {@code Lambda.InvalidRequestContentException}. */
    public static final String INVALID_REQUEST_CONTENT = "Lambda.InvalidRequestContentException";
    /** {@code Lambda.LambdaException}: any error of the service that has no class of its own in the SDK model. */
    public static final String SERVICE = "Lambda.LambdaException";
    /** {@code Lambda.SdkClientException}: the call failed before the service answered. */
    public static final String CLIENT = "Lambda.SdkClientException";
  }
}
