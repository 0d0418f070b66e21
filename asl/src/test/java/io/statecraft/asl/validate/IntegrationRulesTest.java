package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.dsl.workflow.WorkflowType;

import org.junit.jupiter.api.Test;

/** Task resources, Express workflows, callbacks and CloudFormation placeholders. Each test asserts the whole report: severity, code, pointer and message. */
final class IntegrationRulesTest {

  @Test
  void express() {
    assertThat(problems(WorkflowType.EXPRESS, """
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::glue:startJobRun.sync",
              "Next": "B"
            },
            "B": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {
                "MessageBody": {
                  "token.$": "$$.Task.Token"
                }
              },
              "Next": "C"
            },
            "C": {
              "Type": "Task",
              "Resource": "arn:aws:states:::states:startExecution.sync:2",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR EXPRESS_UNSUPPORTED_INTEGRATION /States/A/Resource: Express workflows support only request-response integrations, but 'arn:aws:states:::glue:startJobRun.sync' uses the .sync (run a job) pattern; drop the suffix, or deploy the workflow as STANDARD",
        "ERROR EXPRESS_UNSUPPORTED_INTEGRATION /States/B/Resource: Express workflows support only request-response integrations, but 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' uses the .waitForTaskToken (callback) pattern; drop the suffix, or deploy the workflow as STANDARD",
        "ERROR EXPRESS_UNSUPPORTED_INTEGRATION /States/C/Resource: Express workflows support only request-response integrations, but 'arn:aws:states:::states:startExecution.sync:2' uses the .sync (run a job) pattern; drop the suffix, or deploy the workflow as STANDARD");
  }

  @Test
  void taskToken() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::sqs:sendMessage.waitForTaskToken",
              "Parameters": {
                "MessageBody": "hi"
              },
              "Next": "B"
            },
            "B": {
              "Type": "Task",
              "QueryLanguage": "JSONata",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Arguments": {
                "Payload": {
                  "token": "{% $states.context.Task.Token %}"
                }
              },
              "Next": "C"
            },
            "C": {
              "Type": "Task",
              "QueryLanguage": "JSONata",
              "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_TASK_TOKEN /States/A/Resource: a .waitForTaskToken task waits until a worker returns its task token, but Parameters never passes it; add \"TaskToken.$\": \"$$.Task.Token\" to Parameters (for Lambda, inside Payload)",
        "ERROR MISSING_TASK_TOKEN /States/C/Resource: a .waitForTaskToken task waits until a worker returns its task token, but Arguments never passes it; add \"TaskToken\": \"{% $states.context.Task.Token %}\" to Arguments (for Lambda, inside Payload)");
  }

  @Test
  void resources() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "my-function",
              "Next": "B"
            },
            "B": {
              "Type": "Task",
              "Resource": "",
              "Next": "C"
            },
            "C": {
              "Type": "Task",
              "Resource": "${Fn.Arn}",
              "Next": "D"
            },
            "D": {
              "Type": "Task",
              "Resource": 42,
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING INVALID_RESOURCE /States/A/Resource: Resource 'my-function' is not an ARN; the service rejects it, so give the ARN of an integration, function or activity, or a ${Name} placeholder",
        "ERROR INVALID_RESOURCE /States/B/Resource: Resource is empty; give the ARN of the integration, function or activity to run",
        "ERROR INVALID_VALUE_TYPE /States/D/Resource: Resource must be an ARN string, got 42");
  }

  @Test
  void placeholders() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "TimeoutSeconds": "${Timeout}",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "${FunctionArn}",
              "TimeoutSeconds": "${TaskTimeout}",
              "Retry": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "MaxAttempts": "${Attempts}"
                }
              ],
              "Parameters": {
                "Queue": "${QueueUrl}",
                "Path.$": "$.${Field}"
              },
              "ResultPath": "$.${Field}",
              "Next": "W"
            },
            "W": {
              "Type": "Wait",
              "Seconds": "${Delay}",
              "Next": "X"
            },
            "X": {
              "Type": "Wait",
              "QueryLanguage": "JSONata",
              "Seconds": "${Delay}",
              "Next": "Y"
            },
            "Y": {
              "Type": "Pass",
              "End": "${Done}"
            }
          }
        }
        """)).containsExactly(
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /States/A/Retry/0/MaxAttempts: MaxAttempts holds the placeholder ${Attempts}, but CloudFormation substitutes text, so the field would receive a string where a number is required; write a literal number",
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /States/A/TimeoutSeconds: TimeoutSeconds holds the placeholder ${TaskTimeout}, but CloudFormation substitutes text, so the field would receive a string where a number is required; pass the value in the input and read it with TimeoutSecondsPath, or make the state JSONata and write \"{% ${TaskTimeout} %}\"",
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /States/W/Seconds: Seconds holds the placeholder ${Delay}, but CloudFormation substitutes text, so the field would receive a string where a number is required; pass the value in the input and read it with SecondsPath, or make the state JSONata and write \"{% ${Delay} %}\"",
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /States/X/Seconds: Seconds holds the placeholder ${Delay}, but CloudFormation substitutes text, so the field would receive a string where a number is required; write it as the expression \"{% ${Delay} %}\" so that the substituted text is read as a number",
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /States/Y/End: End holds the placeholder ${Done}, but CloudFormation substitutes text, so the field would receive a string where a boolean is required; write a literal true or false",
        "ERROR PLACEHOLDER_IN_TYPED_FIELD /TimeoutSeconds: TimeoutSeconds holds the placeholder ${Timeout}, but CloudFormation substitutes text, so the field would receive a string where a number is required; write a literal number");
  }

}
