package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Retry and Catch. Each test asserts the whole report: severity, code, pointer and message. */
final class ErrorHandlingRulesTest {

  @Test
  void errorEquals() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Retry": [
                {
                  "ErrorEquals": [
                    "States.ALL",
                    "States.Timeout"
                  ]
                },
                {
                  "ErrorEquals": [
                    "States.Timout"
                  ]
                }
              ],
              "Catch": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Next": "F"
                },
                {
                  "ErrorEquals": [
                    "Custom.Error"
                  ],
                  "Next": "F"
                },
                {
                  "ErrorEquals": []
                }
              ],
              "End": true
            },
            "F": {
              "Type": "Fail"
            }
          }
        }
        """)).containsExactly(
        "ERROR STATES_ALL_NOT_LAST /States/T/Catch/0/ErrorEquals/0: the Catch entry with States.ALL must be the last one, or the entries after it never match; move it to the end",
        "ERROR MISSING_REQUIRED_FIELD /States/T/Catch/2: a catcher needs Next: the state to run when it catches an error",
        "ERROR EMPTY_ARRAY /States/T/Catch/2/ErrorEquals: ErrorEquals is empty, so it never matches; list at least one error name, such as \"States.TaskFailed\" or \"States.ALL\"",
        "ERROR STATES_ALL_NOT_LAST /States/T/Retry/0/ErrorEquals/0: States.ALL matches every error, so it must be alone in its ErrorEquals; move the other names to an earlier Retry entry",
        "WARNING UNKNOWN_PREDEFINED_ERROR /States/T/Retry/1/ErrorEquals/0: 'States.Timout' is not an error the service raises, and names starting with States. are reserved for those; did you mean States.Timeout?");
  }

  @Test
  void catcherFields() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Catch": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Next": "F",
                  "Output": {},
                  "Retry": 1,
                  "Foo": 2
                }
              ],
              "End": true
            },
            "F": {
              "Type": "Fail"
            }
          }
        }
        """)).containsExactly(
        "ERROR UNKNOWN_FIELD /States/T/Catch/0/Foo: Foo is not a field of a catcher; it takes Assign, Comment, ErrorEquals, Next, Output, ResultPath (the service rejects fields it does not know)",
        "ERROR JSONATA_FIELD_IN_JSONPATH_STATE /States/T/Catch/0/Output: Output is a JSONata field, but the catcher of Task state 'T' uses JSONPath; use ResultSelector, ResultPath or OutputPath instead, or set \"QueryLanguage\": \"JSONata\" on the state",
        "ERROR FIELD_NOT_ALLOWED /States/T/Catch/0/Retry: Retry is not allowed in a catcher; remove it");
  }

}
