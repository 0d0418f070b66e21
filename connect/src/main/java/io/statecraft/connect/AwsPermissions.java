package io.statecraft.connect;

import java.util.List;

/**
 * The IAM actions each command calls, in one place: docs/aws.md lists them, and a test checks that
 * each is an action AWS defines (Service Authorization Reference, through {@code statecraft-iam})
 * and that the page lists exactly these.
 *
 * <p>https://docs.aws.amazon.com/service-authorization/latest/reference/list_awscloudformation.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsstepfunctions.html,
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html
 */
public final class AwsPermissions {

  /** {@code validate --remote} and {@code validate-remote}. */
  public static final List<String> VALIDATE =
      List.of("states:ValidateStateMachineDefinition", "cloudformation:ValidateTemplate");

  /**
   * {@code deploy} itself. CloudFormation then creates the stack's resources with the caller's
   * permissions (or a service role), so those are needed too: IAM roles and policies, the state
   * machine, logs, and what the workflow's resources are. {@code states:DescribeStateMachineAlias}
   * only when the template deploys an alias gradually, to show its routing as it moves; without it
   * the deployment goes on and says so once.
   */
  public static final List<String> DEPLOY = List.of(
      "cloudformation:DescribeStacks",
      "cloudformation:CreateChangeSet",
      "cloudformation:DescribeChangeSet",
      "cloudformation:ExecuteChangeSet",
      "cloudformation:DeleteChangeSet",
      "cloudformation:DescribeStackEvents",
      "states:DescribeStateMachineAlias");

  /** {@code start}: the stack lookup only when the state machine is named by its stack. */
  public static final List<String> START =
      List.of("states:StartExecution", "states:DescribeExecution", "cloudformation:DescribeStacks");

  /**
   * {@code validate --remote} and {@code deploy} with a bucket, for a template over 51,200 bytes
   * only: the upload, and CloudFormation reading the {@code TemplateURL} with the caller's access.
   * Both can be limited to {@code arn:aws:s3:::BUCKET/PREFIX/*}.
   */
  public static final List<String> TEMPLATE_BUCKET = List.of("s3:PutObject", "s3:GetObject");

  /** {@code record-mocks}. */
  public static final List<String> RECORD_MOCKS = List.of("states:GetExecutionHistory");

  /**
   * {@code adopt --state-machine} ({@code ListStateMachines} only when the state machine is given by
   * name) and {@code adopt --generated-template}.
   */
  public static final List<String> ADOPT = List.of(
      "states:DescribeStateMachine", "states:ListTagsForResource", "states:ListStateMachines",
      "cloudformation:GetGeneratedTemplate");

  private AwsPermissions() {}
}
