package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;

import org.junit.jupiter.api.Test;

/** A mock may fail a task only with an error name the task's resource can raise. */
final class MockErrorNamesTest {

  private static final String PUT = """
      {
        "StartAt": "Save",
        "States": {
          "Save": {
            "Type": "Task",
            "Resource": "arn:aws:states:::dynamodb:putItem",
            "Parameters": {"TableName": "Orders"},
            "Catch": [{"ErrorEquals": ["States.ALL"], "ResultPath": "$.error", "Next": "Taken"}],
            "End": true
          },
          "Taken": {"Type": "Pass", "End": true}
        }
      }
      """;

  @Test
  void aNameInTheSdkStyleOnAnOptimizedTaskFailsTheRunWithTheRightName() {
    Execution execution = LocalExecutor.ofJson(PUT)
        .mock("Save", Mock.error("DynamoDb.ConditionalCheckFailedException", "taken"))
        .run();

    assertThat(execution).failed().hasError("States.Runtime", "The mock of Task state 'Save' fails with "
        + "'DynamoDb.ConditionalCheckFailedException', which arn:aws:states:::dynamodb:putItem never raises (it raises "
        + "'DynamoDB.ConditionalCheckFailedException'); mock the name AWS raises, or call allowAnyMockErrorName() on "
        + "the executor for a test about a wrong name");
  }

  @Test
  void theNameAwsRaisesIsCaught() {
    Execution execution = LocalExecutor.ofJson(PUT)
        .mock("Save", Mock.error("DynamoDB.ConditionalCheckFailedException", "taken"))
        .run();

    assertThat(execution).succeeded().passedThrough("Taken");
  }

  @Test
  void aTestMayOptOut() {
    Execution execution = LocalExecutor.ofJson(PUT)
        .mock("Save", Mock.error("DynamoDb.ConditionalCheckFailedException", "taken"))
        .allowAnyMockErrorName()
        .run();

    assertThat(execution).succeeded().passedThrough("Taken");
  }

  @Test
  void anSdkTaskRefusesTheOptimizedStyle() {
    Execution execution = LocalExecutor.ofJson(PUT.replace("arn:aws:states:::dynamodb:putItem",
            "arn:aws:states:::aws-sdk:sfn:startExecution"))
        .mock("Save", Mock.error("StepFunctions.ExecutionAlreadyExistsException", null))
        .run();

    assertThat(execution).failed().hasError("States.Runtime", "The mock of Task state 'Save' fails with "
        + "'StepFunctions.ExecutionAlreadyExistsException', which arn:aws:states:::aws-sdk:sfn:startExecution never "
        + "raises (it raises 'Sfn.ExecutionAlreadyExistsException'); mock the name AWS raises, or call "
        + "allowAnyMockErrorName() on the executor for a test about a wrong name");
  }
}
