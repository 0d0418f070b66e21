package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error names in the other integration's style. Each test asserts the whole report. */
final class ErrorNameRulesTest {

  @Test
  void sdkStyleNamesOnOptimizedTasks() {
    assertThat(problems("""
        {
          "StartAt": "Put",
          "States": {
            "Put": {
              "Type": "Task",
              "Resource": "arn:aws:states:::dynamodb:putItem",
              "Retry": [{"ErrorEquals": ["DynamoDB.ProvisionedThroughputExceededException", "DynamoDb.ThrottlingException"]}],
              "Catch": [{"ErrorEquals": ["DynamoDb.ConditionalCheckFailedException"], "Next": "Start"}],
              "Next": "Start"
            },
            "Start": {
              "Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "Catch": [{"ErrorEquals": ["Sfn.ExecutionAlreadyExistsException", "States.TaskFailed"], "Next": "Send"}],
              "Next": "Send"
            },
            "Send": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage",
              "Retry": [{"ErrorEquals": ["Sqs.SqsException", "SQS.AmazonSQSException"]}],
              "Next": "Publish"
            },
            "Publish": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sns:publish",
              "Retry": [{"ErrorEquals": ["Sns.ThrottledException"]}],
              "Next": "Run"
            },
            "Run": {
              "Type": "Task",
              "Resource": "arn:aws:states:::ecs:runTask.sync",
              "Retry": [{"ErrorEquals": ["Ecs.EcsException", "ECS.AmazonECSException"]}],
              "Next": "Invoke"
            },
            "Invoke": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [{"ErrorEquals": ["Lambda.ServiceException", "Lambda.TooManyRequestsException", "MyError"]}],
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR OPTIMIZED_ERROR_NAME /States/Publish/Retry/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::sns:publish' never raises 'Sns.ThrottledException', so this retrier never fires; write 'SNS.ThrottledException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/Put/Catch/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::dynamodb:putItem' never raises 'DynamoDb.ConditionalCheckFailedException', so this catcher never fires; write 'DynamoDB.ConditionalCheckFailedException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/Put/Retry/0/ErrorEquals/1: the optimized integration 'arn:aws:states:::dynamodb:putItem' never raises 'DynamoDb.ThrottlingException', so this retrier never fires; write 'DynamoDB.ThrottlingException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/Run/Retry/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::ecs:runTask.sync' never raises 'Ecs.EcsException', so this retrier never fires; write 'ECS.AmazonECSException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/Send/Retry/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::sqs:sendMessage' never raises 'Sqs.SqsException', so this retrier never fires; write 'SQS.AmazonSQSException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/Start/Catch/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::states:startExecution.sync:2' never raises 'Sfn.ExecutionAlreadyExistsException', so this catcher never fires; write 'StepFunctions.ExecutionAlreadyExistsException'");
  }

  /** EKS' optimized calls raise EKS.* (connect-eks.html spells EKS.401); the AWS SDK integration Eks.*. */
  @Test
  void eksNamesInTheOtherStyleOnEitherIntegration() {
    assertThat(problems("""
        {
          "StartAt": "CreateCluster",
          "States": {
            "CreateCluster": {
              "Type": "Task",
              "Resource": "arn:aws:states:::eks:createCluster.sync",
              "Retry": [{"ErrorEquals": ["Eks.ResourceLimitExceededException", "EKS.ResourceInUseException"]}],
              "Next": "RunJob"
            },
            "RunJob": {
              "Type": "Task",
              "Resource": "arn:aws:states:::eks:runJob.sync",
              "Catch": [{"ErrorEquals": ["EKS.401", "Eks.EksException"], "Next": "Describe"}],
              "Next": "Describe"
            },
            "Describe": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:eks:describeCluster",
              "Retry": [{"ErrorEquals": ["EKS.ResourceNotFoundException", "Eks.ThrottlingException"]}],
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR OPTIMIZED_ERROR_NAME /States/CreateCluster/Retry/0/ErrorEquals/0: the optimized integration 'arn:aws:states:::eks:createCluster.sync' never raises 'Eks.ResourceLimitExceededException', so this retrier never fires; write 'EKS.ResourceLimitExceededException'",
        "ERROR SDK_ERROR_NAME /States/Describe/Retry/0/ErrorEquals/0: the AWS SDK integration 'arn:aws:states:::aws-sdk:eks:describeCluster' never raises 'EKS.ResourceNotFoundException', so this retrier never fires; write 'Eks.ResourceNotFoundException'",
        "ERROR OPTIMIZED_ERROR_NAME /States/RunJob/Catch/0/ErrorEquals/1: the optimized integration 'arn:aws:states:::eks:runJob.sync' never raises 'Eks.EksException', so this catcher never fires; write 'EKS.AmazonEKSException'");
  }

  @Test
  void optimizedStyleNamesOnSdkTasks() {
    assertThat(problems("""
        {
          "StartAt": "Query",
          "States": {
            "Query": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:dynamodb:query",
              "Retry": [{"ErrorEquals": ["DynamoDB.AmazonDynamoDBException", "DynamoDb.ThrottlingException"]}],
              "Next": "Start"
            },
            "Start": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:sfn:startExecution",
              "Catch": [{"ErrorEquals": ["StepFunctions.ExecutionAlreadyExistsException"], "Next": "Done"}],
              "Next": "Done"
            },
            "Done": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
              "Retry": [{"ErrorEquals": ["S3.NoSuchKeyException"]}],
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR SDK_ERROR_NAME /States/Query/Retry/0/ErrorEquals/0: the AWS SDK integration 'arn:aws:states:::aws-sdk:dynamodb:query' never raises 'DynamoDB.AmazonDynamoDBException', so this retrier never fires; write 'DynamoDb.DynamoDbException'",
        "ERROR SDK_ERROR_NAME /States/Start/Catch/0/ErrorEquals/0: the AWS SDK integration 'arn:aws:states:::aws-sdk:sfn:startExecution' never raises 'StepFunctions.ExecutionAlreadyExistsException', so this catcher never fires; write 'Sfn.ExecutionAlreadyExistsException'");
  }
}
