package io.statecraft.aws;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Integration;
import io.statecraft.dsl.IntegrationPattern;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Placeholder;
import java.util.List;
import java.util.Objects;

/**
 * A Step Functions activity: the Task waits until a worker polling the activity
 * ({@code GetActivityTask}) reports success or failure. The resource is the activity's ARN.
 *
 * <p>The task hands its input (or its {@code Parameters}) to the worker, so there is no request of
 * its own; set a {@code HeartbeatSeconds} so that a worker that died is noticed. The execution role
 * needs no permission: the workers' roles call {@code GetActivityTask} and {@code SendTask*}.
 */
public final class Activity implements Integration {

  private final String arn;

  private Activity(String arn) {
    this.arn = arn;
  }

  /** The activity given at deploy time, such as the {@code Ref} of an {@code AWS::StepFunctions::Activity}. */
  public static Activity of(Placeholder activityArn) {
    if (activityArn.kind() != Placeholder.Kind.STRING) {
      throw new IllegalArgumentException("an activity ARN is a string placeholder, not " + activityArn.kind());
    }
    return new Activity(activityArn.token());
  }

  /** The activity by its ARN, {@code arn:aws:states:us-east-1:123456789012:activity:review}. */
  public static Activity arn(String activityArn) {
    Objects.requireNonNull(activityArn, "activityArn == null");
    if (!activityArn.startsWith("arn:") || !activityArn.contains(":activity:")) {
      throw new IllegalArgumentException("an activity ARN looks like arn:aws:states:REGION:ACCOUNT:activity:NAME, got: "
          + activityArn + "; for one created by the stack use Activity.of(placeholder)");
    }
    return new Activity(activityArn);
  }

  @Override
  public String resource() {
    return arn;
  }

  /** None: the worker receives the state's input, or its Parameters. */
  @Override
  public ObjectValue payload() {
    return null;
  }

  @Override
  public List<IamStatement> iamStatements() {
    return List.of();
  }

  /** Activities always wait for their worker, whatever their ARN looks like. */
  @Override
  public IntegrationPattern pattern() {
    return IntegrationPattern.REQUEST_RESPONSE;
  }

  @Override
  public String toString() {
    return resource();
  }
}
