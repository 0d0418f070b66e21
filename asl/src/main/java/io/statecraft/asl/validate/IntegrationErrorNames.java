package io.statecraft.asl.validate;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The error-name prefixes of the services whose optimized integration and AWS SDK integration name
 * the same failure differently, and the correction for a name written in the other style.
 *
 * <p>Step Functions' optimized integrations ({@code arn:aws:states:::dynamodb:putItem}) name a
 * service's errors after the older AWS SDK's service names ({@code DynamoDB.}, {@code SNS.},
 * {@code SQS.}, {@code ECS.}, {@code EKS.}, {@code StepFunctions.}), while its AWS SDK integrations
 * ({@code arn:aws:states:::aws-sdk:dynamodb:putItem}) use the SDK for Java 2.x prefix
 * ({@code DynamoDb.}, {@code Sns.}, {@code Sqs.}, {@code Ecs.}, {@code Eks.}, {@code Sfn.}). A retrier or catcher
 * written in the other style never fires. The DynamoDB page of the Step Functions developer guide
 * states the difference: "When standard DynamoDB connections experience an error, the exception
 * prefix will be DynamoDb (mixed case). For optimized integrations, the exception prefix will be
 * DynamoDB (uppercase DB)" (https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html);
 * the other services' optimized names are the ones their tasks report in execution histories
 * ({@code SQS.AmazonSQSException}, {@code ECS.AmazonECSException}, {@code SNS.InvalidParameterException},
 * {@code StepFunctions.ExecutionAlreadyExistsException}). Services whose two prefixes are the same
 * (Lambda, EventBridge, Batch, Glue, ...) are not listed: every name is right for both.
 *
 * <p>The validator ({@code OPTIMIZED_ERROR_NAME}, {@code SDK_ERROR_NAME}) and the offline executor's
 * mock check both read this one table; statecraft-aws tests that its catalogue agrees.
 */
public final class IntegrationErrorNames {

  /**
   * One service's two styles.
   *
   * @param optimizedService the service in the optimized resource, {@code arn:aws:states:::<service>:...}
   * @param optimizedPrefix the prefix the optimized integration raises, {@code DynamoDB}
   * @param sdkService the service in the SDK integration's resource, {@code arn:aws:states:::aws-sdk:<service>:...}
   * @param sdkPrefix the prefix the SDK integration raises, {@code DynamoDb}
   * @param optimizedBase the optimized integration's name for any other service error,
   *     {@code DynamoDB.AmazonDynamoDBException}, where the SDK integration raises
   *     {@code <sdkPrefix>.<sdkPrefix>Exception}
   */
  public record Styles(String optimizedService, String optimizedPrefix, String sdkService, String sdkPrefix,
      String optimizedBase) {

    String sdkBase() {
      return sdkPrefix + "." + sdkPrefix + "Exception";
    }
  }

  /** Every service whose two prefixes differ. */
  public static final List<Styles> DIFFERING = List.of(
      new Styles("dynamodb", "DynamoDB", "dynamodb", "DynamoDb", "DynamoDB.AmazonDynamoDBException"),
      new Styles("sns", "SNS", "sns", "Sns", "SNS.AmazonSNSException"),
      new Styles("sqs", "SQS", "sqs", "Sqs", "SQS.AmazonSQSException"),
      new Styles("ecs", "ECS", "ecs", "Ecs", "ECS.AmazonECSException"),
      // EKS' optimized calls (cluster, node group, Fargate profile, runJob, call) raise EKS.*: the EKS
      // page spells EKS.401 (https://docs.aws.amazon.com/step-functions/latest/dg/connect-eks.html).
      new Styles("eks", "EKS", "eks", "Eks", "EKS.AmazonEKSException"),
      new Styles("states", "StepFunctions", "sfn", "Sfn", "StepFunctions.AWSStepFunctionsException"));

  private static final String STATES = "arn:aws:states:::";
  private static final String SDK = STATES + "aws-sdk:";

  private IntegrationErrorNames() {}

  /**
   * The name a Task with this resource raises instead of {@code error}, when {@code error} is
   * written in the other integration's style: {@code DynamoDB.ConditionalCheckFailedException} for
   * {@code DynamoDb.ConditionalCheckFailedException} on {@code arn:aws:states:::dynamodb:putItem}.
   * Empty when the name is right, or when nothing is known about the resource.
   */
  public static Optional<String> correction(String resource, String error) {
    Objects.requireNonNull(resource, "resource == null");
    Objects.requireNonNull(error, "error == null");
    int dot = error.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String prefix = error.substring(0, dot);
    String rest = error.substring(dot);
    boolean sdk = resource.startsWith(SDK);
    String service = service(resource, sdk ? SDK : STATES);
    for (Styles styles : DIFFERING) {
      if (sdk && styles.sdkService().equals(service) && prefix.equals(styles.optimizedPrefix())) {
        return Optional.of(error.equals(styles.optimizedBase()) ? styles.sdkBase() : styles.sdkPrefix() + rest);
      }
      if (!sdk && styles.optimizedService().equals(service) && prefix.equals(styles.sdkPrefix())) {
        return Optional.of(error.equals(styles.sdkBase()) ? styles.optimizedBase() : styles.optimizedPrefix() + rest);
      }
    }
    return Optional.empty();
  }

  /** Whether the resource is an AWS SDK integration ({@code arn:aws:states:::aws-sdk:...}). */
  public static boolean isSdkIntegration(String resource) {
    return resource.startsWith(SDK);
  }

  private static String service(String resource, String start) {
    if (!resource.startsWith(start)) {
      return "";
    }
    int colon = resource.indexOf(':', start.length());
    return colon < 0 ? "" : resource.substring(start.length(), colon);
  }
}
