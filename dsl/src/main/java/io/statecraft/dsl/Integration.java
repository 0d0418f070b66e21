package io.statecraft.dsl;

import java.util.List;

/**
 * What a Task calls: the resource ARN, the request payload, and the permissions the call needs.
 * Typed integrations (AWS SDK calls, Lambda, SNS, the HTTP task, ...) implement it; give it to
 * {@link Task#call(Integration)}.
 */
public interface Integration {

  /** The Task's {@code Resource}, such as {@code arn:aws:states:::aws-sdk:ec2:describeInstances}. */
  String resource();

  /**
   * The request: written as {@code Parameters} in a JSONPath state and as {@code Arguments} in a
   * JSONata state; null when the call takes none.
   */
  Value payload();

  /** The permissions the execution role needs for this call. */
  List<IamStatement> iamStatements();

  /** How the task waits for the call, read from the resource's suffix. */
  default IntegrationPattern pattern() {
    return IntegrationPattern.of(resource());
  }
}
