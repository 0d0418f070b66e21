package io.statecraft.asl.flow;

import static io.statecraft.asl.flow.FlowReport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What each state's input is known to be like, and the reads it checks: each test asserts the whole report. */
final class ShapeFlowTest {

  @Test
  void aPassStateThatReplacesItsInputDropsTheOtherFields() {
    assertThat(problems("""
        {
          "StartAt": "Shrink",
          "States": {
            "Shrink": {
              "Type": "Pass",
              "Parameters": {
                "id.$": "$.orderId"
              },
              "Next": "Read"
            },
            "Read": {
              "Type": "Pass",
              "Parameters": {
                "id.$": "$.id",
                "customer.$": "$.customerId"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Read/Parameters/customer.$: '$.customerId' reads customerId, which the input of Read cannot have: the result of Shrink replaced the input (it has no ResultPath); it has only id");
  }

  @Test
  void unknownStaysUnknown() {
    // The execution input, an untyped task's result and a ResultPath into an unknown input tell
    // nothing about the other fields.
    assertThat(problems("""
        {
          "StartAt": "Call",
          "States": {
            "Call": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {
                "FunctionName": "f",
                "Payload.$": "$.anything"
              },
              "Next": "Note"
            },
            "Note": {
              "Type": "Pass",
              "Result": 1,
              "ResultPath": "$.noted",
              "Next": "Read"
            },
            "Read": {
              "Type": "Pass",
              "Parameters": {
                "payload.$": "$.Payload.whatever",
                "noted.$": "$.noted"
              },
              "End": true
            }
          }
        }
        """)).isEmpty();
  }

  @Test
  void resultPathOutputPathAndMergingPaths() {
    // Both paths into Read replace the input; only the field that neither has is reported, with
    // both causes.
    assertThat(problems("""
        {
          "StartAt": "Pick",
          "States": {
            "Pick": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.big",
                  "BooleanEquals": true,
                  "Next": "Big"
                }
              ],
              "Default": "Small"
            },
            "Big": {
              "Type": "Pass",
              "Result": {
                "size": "L",
                "extra": true
              },
              "ResultPath": "$",
              "Next": "Read"
            },
            "Small": {
              "Type": "Pass",
              "Parameters": {
                "wrapped": {
                  "size": "S"
                }
              },
              "OutputPath": "$.wrapped",
              "Next": "Read"
            },
            "Read": {
              "Type": "Pass",
              "Parameters": {
                "size.$": "$.size",
                "extra.$": "$.extra",
                "sise.$": "$.sise"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Read/Parameters/sise.$: '$.sise' reads sise, which the input of Read cannot have: ResultPath '$' of Big replaced the input and Parameters of Small wrote that object; it has only extra, size; did you mean 'size'?");
  }

  @Test
  void aCatchersErrorOutputReplacesTheInput() {
    assertThat(problems("""
        {
          "StartAt": "Call",
          "States": {
            "Call": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {
                "FunctionName": "f"
              },
              "Catch": [
                {
                  "ErrorEquals": [
                    "Custom"
                  ],
                  "ResultPath": "$.error",
                  "Next": "Keep"
                },
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Next": "Handle"
                }
              ],
              "End": true
            },
            "Handle": {
              "Type": "Fail",
              "ErrorPath": "$.Error",
              "CausePath": "$.orderId"
            },
            "Keep": {
              "Type": "Pass",
              "Parameters": {
                "order.$": "$.orderId",
                "error.$": "$.error.Cause"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Handle/CausePath: '$.orderId' reads orderId, which the input of Handle cannot have: the error output of Call's catcher replaced the input; it has only Cause, Error");
  }

  @Test
  void aLoopSettlesAndKeepsWhatEveryTurnGuarantees() {
    assertThat(problems("""
        {
          "StartAt": "Start",
          "States": {
            "Start": {
              "Type": "Pass",
              "Parameters": {
                "n": 0
              },
              "Next": "Step"
            },
            "Step": {
              "Type": "Pass",
              "Parameters": {
                "n.$": "States.MathAdd($.n, 1)",
                "last.$": "$.n"
              },
              "Next": "Again"
            },
            "Again": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.n",
                  "NumericLessThan": 5,
                  "Next": "Step"
                },
                {
                  "Variable": "$.m",
                  "NumericLessThan": 5,
                  "Next": "Step"
                }
              ],
              "Default": "Done"
            },
            "Done": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Again/Choices/1/Variable: '$.m' reads m, which the input of Again cannot have: the result of Step replaced the input (it has no ResultPath); it has only last, n");
  }

  @Test
  void mapIterationsAndParallelBranchesGetTheInputTheStateBuilds() {
    assertThat(problems("""
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "ItemsPath": "$.items",
              "ItemSelector": {
                "item.$": "$$.Map.Item.Value",
                "tax.$": "$.tax"
              },
              "ItemProcessor": {
                "StartAt": "Price",
                "States": {
                  "Price": {
                    "Type": "Pass",
                    "Parameters": {
                      "item.$": "$.item",
                      "rate.$": "$.rate"
                    },
                    "End": true
                  }
                }
              },
              "ResultPath": "$.priced",
              "Next": "Both"
            },
            "Both": {
              "Type": "Parallel",
              "Parameters": {
                "priced.$": "$.priced"
              },
              "Branches": [
                {
                  "StartAt": "Count",
                  "States": {
                    "Count": {
                      "Type": "Pass",
                      "Parameters": {
                        "count.$": "States.ArrayLength($.priced)",
                        "items.$": "$.items"
                      },
                      "End": true
                    }
                  }
                }
              ],
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Both/Branches/0/States/Count/Parameters/items.$: '$.items' reads items, which the input of Count cannot have: Parameters of Both wrote that object; it has only priced",
        "WARNING FIELD_NOT_IN_INPUT /States/Each/ItemProcessor/States/Price/Parameters/rate.$: '$.rate' reads rate, which the input of Price cannot have: ItemSelector of Each wrote that object; it has only item, tax");
  }

  @Test
  void jsonataOutputWithLiteralKeys() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Shape",
          "States": {
            "Shape": {
              "Type": "Pass",
              "Output": {
                "id": "{% $states.input.orderId %}",
                "lines": []
              },
              "Next": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Output": "{% $count($states.input.lines) + $states.input.total %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Use/Output: '$states.input.total' reads total, which the input of Use cannot have: Output of Shape replaced the input; it has only id, lines");
  }

  @Test
  void choiceComparisonsAndIntrinsicsOfTheWrongType() {
    assertThat(problems("""
        {
          "StartAt": "Make",
          "States": {
            "Make": {
              "Type": "Pass",
              "Result": {
                "count": 3,
                "name": "x",
                "tags": ["a"]
              },
              "Next": "Check"
            },
            "Check": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.count",
                  "StringEquals": "3",
                  "Next": "Use"
                },
                {
                  "Variable": "$.count",
                  "NumericEquals": 3,
                  "Next": "Use"
                },
                {
                  "Variable": "$.name",
                  "IsNumeric": false,
                  "Next": "Use"
                }
              ],
              "Default": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Parameters": {
                "length.$": "States.ArrayLength($.name)",
                "tagCount.$": "States.ArrayLength($.tags)",
                "sum.$": "States.MathAdd($.count, States.ArrayLength($.tags))"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING TYPE_MISMATCH /States/Check/Choices/0/StringEquals: StringEquals compares '$.count', which is a number here, not a string, so this rule never matches; compare a value that is a string here, or test its type first with IsString",
        "WARNING TYPE_MISMATCH /States/Use/Parameters/length.$: States.ArrayLength takes an array as argument 1, but '$.name' is a string here, so the call fails with States.Runtime; pass an array");
  }

  @Test
  void sdkResultsAreCheckedAgainstTheResponseModel() {
    assertThat(problems("""
        {
          "StartAt": "Describe",
          "States": {
            "Describe": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:ec2:describeInstances",
              "Parameters": {},
              "ResultSelector": {
                "ids.$": "$.Reservations[*].Instances[*].InstanceId",
                "typo.$": "$.Reservationz"
              },
              "Next": "Tags"
            },
            "Tags": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:ec2:describeTags",
              "Parameters": {},
              "ResultPath": "$.tags",
              "Next": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Parameters": {
                "ids.$": "$.ids",
                "values.$": "$.tags.Tags[*].Valeu",
                "next.$": "$.tags.NextToken"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING UNKNOWN_RESULT_FIELD /States/Describe/ResultSelector/typo.$: '$.Reservationz' reads Reservationz, which the result of Describe cannot have: it is the result of Describe, an AWS SDK DescribeInstancesResponse of ec2:describeInstances, and that has no member Reservationz; did you mean 'Reservations'?",
        "WARNING UNKNOWN_RESULT_FIELD /States/Use/Parameters/values.$: '$.tags.Tags[*].Valeu' reads Valeu, which '$.tags.Tags[*]' cannot have: it is part of the result of Tags, an AWS SDK TagDescription, and that has no member Valeu (its members: only Key, ResourceId, ResourceType, Value)");
  }

  @Test
  void jsonataSdkResultsAndServicesWithoutClassesStayUnknown() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Describe",
          "States": {
            "Describe": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:ec2:describeInstances",
              "Output": "{% $states.result.Reservations.Instances.{'id': InstanceId, 'x': $states.result.Reservations.Instancez} %}",
              "Next": "Other"
            },
            "Other": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:notaservice:describeThings",
              "Output": "{% $states.result.Anything %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING UNKNOWN_RESULT_FIELD /States/Describe/Output: '$states.result.Reservations.Instancez' reads Instancez, which '$.Reservations' cannot have: it is part of the result of Describe, an AWS SDK Reservation, and that has no member Instancez; did you mean 'Instances'?");
  }

  @Test
  void aJsonataChoiceRulesOwnOutputIsTheNextInput() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Pick",
          "States": {
            "Pick": {
              "Type": "Choice",
              "Choices": [
                {
                  "Condition": "{% $states.input.vip %}",
                  "Output": {
                    "kept": 1
                  },
                  "Next": "Rule"
                }
              ],
              "Output": {
                "other": 2
              },
              "Default": "Fallback"
            },
            "Rule": {
              "Type": "Pass",
              "Output": "{% $states.input.kept %}",
              "End": true
            },
            "Fallback": {
              "Type": "Pass",
              "Output": "{% $states.input.kept %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING FIELD_NOT_IN_INPUT /States/Fallback/Output: '$states.input.kept' reads kept, which the input of Fallback cannot have: Output of Pick replaced the input; it has only other");
  }

  @Test
  void aMapWithAResultWriterHasNoArrayResult() {
    assertThat(problems("""
        {
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "STANDARD"
                },
                "StartAt": "Work",
                "States": {
                  "Work": {
                    "Type": "Pass",
                    "End": true
                  }
                }
              },
              "ResultWriter": {
                "Resource": "arn:aws:states:::s3:putObject",
                "Parameters": {
                  "Bucket": "b",
                  "Prefix": "p"
                }
              },
              "ResultPath": "$.written",
              "Next": "Check"
            },
            "Check": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.written.ResultWriterDetails.Bucket",
                  "StringEquals": "b",
                  "Next": "Done"
                }
              ],
              "Default": "Done"
            },
            "Done": {
              "Type": "Succeed"
            }
          }
        }
        """)).isEmpty();
  }

  @Test
  void aStreamedResponseMayHaveMoreThanItsModelsMembers() {
    // S3 GetObject's Body is streamed, so it is no member of GetObjectResponse, yet the task returns it.
    assertThat(problems("""
        {
          "StartAt": "Get",
          "States": {
            "Get": {
              "Type": "Task",
              "Resource": "arn:aws:states:::aws-sdk:s3:getObject",
              "Parameters": {
                "Bucket": "b",
                "Key": "k"
              },
              "ResultSelector": {
                "body.$": "$.Body",
                "type.$": "$.ContentType"
              },
              "End": true
            }
          }
        }
        """)).isEmpty();
  }

  @Test
  void jsonataFunctionsGivenAValueOfTheWrongType() {
    // $uppercase of a number fails; $round of a number, $uppercase of a string, $sum of an array
    // and $uppercase of what is unknown are fine.
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Shape",
          "States": {
            "Shape": {
              "Type": "Pass",
              "Output": {
                "count": 3,
                "name": "x",
                "prices": [1, 2]
              },
              "Next": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Output": "{% [$uppercase($states.input.count), $round($states.input.count), $uppercase($states.input.name), $sum($states.input.prices), $uppercase($states.context.Execution.Name)] %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING TYPE_MISMATCH /States/Use/Output: $uppercase takes a string, but '$states.input.count' is a number here, so the expression fails (JSONata error T0410); pass a string");
  }
}
