package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSONata expressions. Each test asserts the whole report: severity, code, pointer and message. */
final class JsonataRulesTest {

  @Test
  void jsonataGood() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {
                "FunctionName": "${FnArn}",
                "Payload": "{% $states.input %}"
              },
              "Output": "{% $states.result.Payload %}",
              "Assign": {
                "count": "{% $states.result.Payload.count %}"
              },
              "TimeoutSeconds": "{% $states.input.timeout %}",
              "Catch": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Output": "{% $states.errorOutput %}",
                  "Next": "F"
                }
              ],
              "Next": "M"
            },
            "M": {
              "Type": "Map",
              "Items": "{% $states.input.list %}",
              "ItemProcessor": {
                "StartAt": "X",
                "States": {
                  "X": {
                    "Type": "Pass",
                    "Output": "{% $states.input * $count %}",
                    "End": true
                  }
                }
              },
              "Next": "W"
            },
            "W": {
              "Type": "Wait",
              "Seconds": "{% ${Delay} %}",
              "End": true
            },
            "F": {
              "Type": "Fail",
              "Error": "{% $states.input.Error %}"
            }
          }
        }
        """)).isEmpty();
  }

  @Test
  void jsonataProblems() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {
                "a": "{% $states.input.a + %}",
                "b": "{% $states.result %}",
                "c": "{% 'x' ",
                "d.$": "$.d",
                "e": "{% '$states.result' %}"
              },
              "Output": {
                "x": "{% $states.errorOutput %}"
              },
              "Next": "P"
            },
            "P": {
              "Type": "Pass",
              "Output": "{% $states.result %}",
              "Next": "M"
            },
            "M": {
              "Type": "Map",
              "Items": {
                "a": 1
              },
              "ItemProcessor": {
                "StartAt": "X",
                "States": {
                  "X": {
                    "Type": "Succeed"
                  }
                }
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_VALUE_TYPE /States/M/Items: Items must be an array or a {% %} expression that gives one, got an object",
        "ERROR STATES_VARIABLE_UNAVAILABLE /States/P/Output: $states.result exists only in the Output and Assign of a Task, Parallel or Map state, after it has run; read the input with $states.input here",
        "ERROR INVALID_JSONATA /States/T/Arguments/a: JSONata expression '$states.input.a +' does not parse: Unexpected end of expression (S0207 at character 18)",
        "ERROR STATES_VARIABLE_UNAVAILABLE /States/T/Arguments/b: $states.result exists only in the Output and Assign of a Task, Parallel or Map state, after it has run; read the input with $states.input here",
        "ERROR INVALID_JSONATA /States/T/Arguments/c: '{% 'x' ' starts with {% but does not end with %}; close the expression with %}",
        "WARNING JSONPATH_IN_JSONATA_STATE /States/T/Arguments/d.$: JSONata states do not evaluate keys ending in .$, so 'd.$' is sent as it is; write 'd' with a {% %} expression instead",
        "ERROR STATES_VARIABLE_UNAVAILABLE /States/T/Output/x: $states.errorOutput exists only in the Output and Assign of a Catch; use it there");
  }

  @Test
  void jsonataInJsonPath() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Parameters": {
                "x": "{% $states.input %}"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING JSONATA_IN_JSONPATH_STATE /States/A/Parameters/x: '{% $states.input %}' is a JSONata expression, but Pass state 'A' uses JSONPath, so it is sent as literal text; set \"QueryLanguage\": \"JSONata\" on the state to evaluate it");
  }

}
