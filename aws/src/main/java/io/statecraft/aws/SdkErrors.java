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
    public static final String CLIENT = "Ec2.SdkClientException";
  }

  /** AWS Systems Manager. */
  public static final class Ssm {
    private Ssm() {}

    /** GetCommandInvocation right after SendCommand, before the invocation exists: retry it. */
    public static final String INVOCATION_DOES_NOT_EXIST = "Ssm.InvocationDoesNotExistException";
    public static final String INVALID_INSTANCE_ID = "Ssm.InvalidInstanceIdException";
    public static final String INVALID_COMMAND_ID = "Ssm.InvalidCommandIdException";
    public static final String INVALID_DOCUMENT = "Ssm.InvalidDocumentException";
    public static final String INVALID_FILTER = "Ssm.InvalidFilterException";
    public static final String INVALID_NEXT_TOKEN = "Ssm.InvalidNextTokenException";
    public static final String INTERNAL_SERVER_ERROR = "Ssm.InternalServerErrorException";
    /** Too many requests, from any SSM call. */
    public static final String THROTTLING = "Ssm.ThrottlingException";
    /** Error codes the SSM model has no class for. */
    public static final String SERVICE = "Ssm.SsmException";
    public static final String CLIENT = "Ssm.SdkClientException";
  }

  /** AWS Identity and Access Management. */
  public static final class Iam {
    private Iam() {}

    public static final String NO_SUCH_ENTITY = "Iam.NoSuchEntityException";
    public static final String LIMIT_EXCEEDED = "Iam.LimitExceededException";
    public static final String SERVICE_FAILURE = "Iam.ServiceFailureException";
    /** Error codes the IAM model has no class for, throttling ({@code Throttling}) among them. */
    public static final String SERVICE = "Iam.IamException";
    public static final String CLIENT = "Iam.SdkClientException";
  }

  /** AWS CloudTrail. */
  public static final class CloudTrail {
    private CloudTrail() {}

    public static final String INVALID_LOOKUP_ATTRIBUTES = "CloudTrail.InvalidLookupAttributesException";
    public static final String INVALID_TIME_RANGE = "CloudTrail.InvalidTimeRangeException";
    public static final String INVALID_NEXT_TOKEN = "CloudTrail.InvalidNextTokenException";
    public static final String INVALID_MAX_RESULTS = "CloudTrail.InvalidMaxResultsException";
    /** Too many requests (LookupEvents allows two a second per account and region). */
    public static final String THROTTLING = "CloudTrail.ThrottlingException";
    /** Error codes the CloudTrail model has no class for. */
    public static final String SERVICE = "CloudTrail.CloudTrailException";
    public static final String CLIENT = "CloudTrail.SdkClientException";
  }

  /** Amazon SNS. */
  public static final class Sns {
    private Sns() {}

    public static final String NOT_FOUND = "Sns.NotFoundException";
    public static final String INVALID_PARAMETER = "Sns.InvalidParameterException";
    public static final String AUTHORIZATION_ERROR = "Sns.AuthorizationErrorException";
    public static final String THROTTLED = "Sns.ThrottledException";
    public static final String INTERNAL_ERROR = "Sns.InternalErrorException";
    public static final String SERVICE = "Sns.SnsException";
    public static final String CLIENT = "Sns.SdkClientException";
  }

  /** Amazon S3. */
  public static final class S3 {
    private S3() {}

    public static final String NO_SUCH_KEY = "S3.NoSuchKeyException";
    public static final String NO_SUCH_BUCKET = "S3.NoSuchBucketException";
    public static final String BUCKET_ALREADY_EXISTS = "S3.BucketAlreadyExistsException";
    public static final String BUCKET_ALREADY_OWNED_BY_YOU = "S3.BucketAlreadyOwnedByYouException";
    /** Undeclared errors: access denied, slow down, ... */
    public static final String SERVICE = "S3.S3Exception";
    public static final String CLIENT = "S3.SdkClientException";
  }

  /** Amazon DynamoDB. */
  public static final class DynamoDb {
    private DynamoDb() {}

    public static final String CONDITIONAL_CHECK_FAILED = "DynamoDb.ConditionalCheckFailedException";
    public static final String PROVISIONED_THROUGHPUT_EXCEEDED = "DynamoDb.ProvisionedThroughputExceededException";
    public static final String REQUEST_LIMIT_EXCEEDED = "DynamoDb.RequestLimitExceededException";
    public static final String RESOURCE_NOT_FOUND = "DynamoDb.ResourceNotFoundException";
    public static final String TRANSACTION_CONFLICT = "DynamoDb.TransactionConflictException";
    public static final String INTERNAL_SERVER_ERROR = "DynamoDb.InternalServerErrorException";
    public static final String THROTTLING = "DynamoDb.ThrottlingException";
    public static final String SERVICE = "DynamoDb.DynamoDbException";
    public static final String CLIENT = "DynamoDb.SdkClientException";
  }

  /** AWS Step Functions itself. */
  public static final class Sfn {
    private Sfn() {}

    public static final String EXECUTION_ALREADY_EXISTS = "Sfn.ExecutionAlreadyExistsException";
    public static final String EXECUTION_LIMIT_EXCEEDED = "Sfn.ExecutionLimitExceededException";
    public static final String EXECUTION_DOES_NOT_EXIST = "Sfn.ExecutionDoesNotExistException";
    public static final String STATE_MACHINE_DOES_NOT_EXIST = "Sfn.StateMachineDoesNotExistException";
    public static final String INVALID_ARN = "Sfn.InvalidArnException";
    public static final String INVALID_EXECUTION_INPUT = "Sfn.InvalidExecutionInputException";
    public static final String TASK_DOES_NOT_EXIST = "Sfn.TaskDoesNotExistException";
    public static final String TASK_TIMED_OUT = "Sfn.TaskTimedOutException";
    /** Error codes the Step Functions model has no class for, throttling among them. */
    public static final String SERVICE = "Sfn.SfnException";
    public static final String CLIENT = "Sfn.SdkClientException";
  }

  /**
   * AWS Lambda through the SDK integration ({@code aws-sdk:lambda:invoke}); the optimized
   * integration's names are in {@link LambdaInvoke}.
   */
  public static final class Lambda {
    private Lambda() {}

    public static final String RESOURCE_NOT_FOUND = "Lambda.ResourceNotFoundException";
    public static final String TOO_MANY_REQUESTS = "Lambda.TooManyRequestsException";
    /** Lambda's own service failure, worth a retry. */
    public static final String SERVICE_EXCEPTION = "Lambda.ServiceException";
    public static final String INVALID_REQUEST_CONTENT = "Lambda.InvalidRequestContentException";
    public static final String SERVICE = "Lambda.LambdaException";
    public static final String CLIENT = "Lambda.SdkClientException";
  }
}
