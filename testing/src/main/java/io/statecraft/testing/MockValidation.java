package io.statecraft.testing;

/**
 * How strictly a mock's result is checked against the response the mocked API returns, as AWS's
 * TestState API checks its mocks ({@code fieldValidationMode},
 * https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html). The check
 * applies to AWS SDK integrations ({@code arn:aws:states:::aws-sdk:<service>:<action>}) and to the
 * optimized integrations that return the API's response as it is (such as
 * {@code arn:aws:states:::dynamodb:getItem}), when the service's AWS SDK for Java 2.x module is on
 * the test's class path: its response class ({@code GetItemResponse}) is the model.
 */
public enum MockValidation {
  /** Every field given is one of the response's, of its type, and every required field is there. */
  STRICT,
  /** Every field given is one of the response's, of its type; the default. */
  PRESENT,
  /** No check. */
  NONE
}
