package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shape of a definition: top level, scopes, state types, allowed and required fields. Each test asserts the whole report: severity, code, pointer and message. */
final class StructureRulesTest {

  @Test
  void notAnObject() {
    assertThat(problems("""
        [
          1,
          2
        ]
        """)).containsExactly(
        "ERROR NOT_A_STATE_MACHINE /: this is not a state machine definition: expected an object with StartAt and States, got an array");
  }

  @Test
  void noStartAtNoStates() {
    assertThat(problems("""
        {
          "Comment": "x"
        }
        """)).containsExactly(
        "ERROR NOT_A_STATE_MACHINE /: this is not a state machine definition: expected an object with StartAt and States, got an object without them");
  }

  @Test
  void missingStartAt() {
    assertThat(problems("""
        {
          "States": {
            "A": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /: StartAt is missing from the top level: name the state to run first");
  }

  @Test
  void topLevelFields() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "Version": "2.0",
          "QueryLanguage": "JSONPathX",
          "TimeoutSeconds": 0,
          "Comment": 5,
          "Type": "Task",
          "Extra": 1,
          "States": {
            "A": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_VALUE_TYPE /Comment: Comment must be a string, got 5",
        "ERROR UNKNOWN_FIELD /Extra: Extra is not a field of the top level of a state machine; it takes Comment, QueryLanguage, StartAt, States, TimeoutSeconds, Version (the service rejects fields it does not know)",
        "ERROR INVALID_ENUM_VALUE /QueryLanguage: QueryLanguage must be JSONPath or JSONata, got 'JSONPathX'",
        "ERROR VALUE_OUT_OF_RANGE /TimeoutSeconds: TimeoutSeconds must be an integer from 1 to 99999999, got 0",
        "ERROR FIELD_NOT_ALLOWED /Type: Type is not allowed in the top level of a state machine; remove it",
        "ERROR INVALID_ENUM_VALUE /Version: Version must be 1.0, got '2.0'");
  }

  @Test
  void emptyStates() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {}
        }
        """)).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /States: States of the top level is empty; add at least one state");
  }

  @Test
  void stateNotObject() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": "Succeed"
          }
        }
        """)).containsExactly(
        "ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a path with a Succeed or Fail state or \"End\": true",
        "ERROR INVALID_VALUE_TYPE /States/A: state 'A' must be an object with a Type");
  }

  @Test
  void noType() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /States/A: state 'A' has no Type; set one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map");
  }

  @Test
  void badType() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Sleep",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_STATE_TYPE /States/A/Type: Type 'Sleep' is not a state type; use one of Task, Pass, Choice, Wait, Succeed, Fail, Parallel, Map");
  }

  @Test
  void fieldNotAllowed() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.x",
                  "IsPresent": true,
                  "Next": "B"
                }
              ],
              "Parameters": {},
              "Next": "B"
            },
            "B": {
              "Type": "Succeed",
              "ResultPath": "$.x",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR FIELD_NOT_ALLOWED /States/A/Next: Choice states do not support Next; remove it (a Choice state moves on through its Choices and Default)",
        "ERROR FIELD_NOT_ALLOWED /States/A/Parameters: Choice states do not support Parameters; remove it",
        "ERROR FIELD_NOT_ALLOWED /States/B/End: Succeed states do not support End; remove it (a Succeed state ends the execution by itself)",
        "ERROR FIELD_NOT_ALLOWED /States/B/ResultPath: Succeed states do not support ResultPath; remove it");
  }

  @Test
  void unknownField() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Resut": 1,
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR UNKNOWN_FIELD /States/A/Resut: Resut is not a field of a Pass state; did you mean Result? (the service rejects fields it does not know)");
  }

  @Test
  void jsonPathFieldInJsonata() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "InputPath": "$.x",
              "Parameters": {},
              "TimeoutSecondsPath": "$.t",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR JSONPATH_FIELD_IN_JSONATA_STATE /States/A/InputPath: InputPath is a JSONPath field, but Task state 'A' uses JSONata; read $states.input in Arguments instead",
        "ERROR JSONPATH_FIELD_IN_JSONATA_STATE /States/A/Parameters: Parameters is a JSONPath field, but Task state 'A' uses JSONata; use Arguments instead",
        "ERROR JSONPATH_FIELD_IN_JSONATA_STATE /States/A/TimeoutSecondsPath: TimeoutSecondsPath is a JSONPath field, but Task state 'A' uses JSONata; use TimeoutSeconds with a {% %} expression instead");
  }

  @Test
  void jsonataFieldInJsonPath() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {},
              "Output": {},
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR JSONATA_FIELD_IN_JSONPATH_STATE /States/A/Arguments: Arguments is a JSONata field, but Task state 'A' uses JSONPath; use Parameters instead, or set \"QueryLanguage\": \"JSONata\" on the state",
        "ERROR JSONATA_FIELD_IN_JSONPATH_STATE /States/A/Output: Output is a JSONata field, but Task state 'A' uses JSONPath; use ResultSelector, ResultPath or OutputPath instead, or set \"QueryLanguage\": \"JSONata\" on the state");
  }

  @Test
  void queryLanguageConflict() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "QueryLanguage": "JSONPath",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR QUERY_LANGUAGE_CONFLICT /States/A/QueryLanguage: the state machine's QueryLanguage is JSONata, so no state can use JSONPath; convert this state to JSONata, or set the top-level QueryLanguage to JSONPath and opt single states into JSONata");
  }

  @Test
  void nextAndEnd() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Next": "B",
              "End": true
            },
            "B": {
              "Type": "Pass"
            }
          }
        }
        """)).containsExactly(
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/A: Pass state 'A' has both Next and End: true; keep Next to continue, or End to stop here",
        "ERROR MISSING_REQUIRED_FIELD /States/B: Pass state 'B' needs Next (the state to run after it) or \"End\": true",
        "ERROR NO_PATH_TO_END /States/B: no path from state 'B' leads to a terminal state, so an execution that gets here loops forever; add a way out to a Succeed or Fail state or a state with \"End\": true");
  }

  @Test
  void exclusivePairs() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "TimeoutSeconds": 5,
              "TimeoutSecondsPath": "$.t",
              "HeartbeatSeconds": 1,
              "HeartbeatSecondsPath": "$.h",
              "Next": "M"
            },
            "M": {
              "Type": "Map",
              "ItemsPath": "$.i",
              "MaxConcurrency": 1,
              "MaxConcurrencyPath": "$.c",
              "ToleratedFailureCount": 1,
              "ToleratedFailureCountPath": "$.f",
              "ToleratedFailurePercentage": 1,
              "ToleratedFailurePercentagePath": "$.p",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "STANDARD"
                },
                "StartAt": "X",
                "States": {
                  "X": {
                    "Type": "Succeed"
                  }
                }
              },
              "Next": "F"
            },
            "F": {
              "Type": "Fail",
              "Error": "E",
              "ErrorPath": "$.e"
            }
          }
        }
        """)).containsExactly(
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/F: Fail state 'F' has both Error and ErrorPath; keep only one (Error is a literal, ErrorPath reads the value from the input)",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/M: Map state 'M' has both MaxConcurrency and MaxConcurrencyPath; keep only one (MaxConcurrency is a literal, MaxConcurrencyPath reads the value from the input)",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/M: Map state 'M' has both ToleratedFailureCount and ToleratedFailureCountPath; keep only one (ToleratedFailureCount is a literal, ToleratedFailureCountPath reads the value from the input)",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/M: Map state 'M' has both ToleratedFailurePercentage and ToleratedFailurePercentagePath; keep only one (ToleratedFailurePercentage is a literal, ToleratedFailurePercentagePath reads the value from the input)",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/T: Task state 'T' has both HeartbeatSeconds and HeartbeatSecondsPath; keep only one (HeartbeatSeconds is a literal, HeartbeatSecondsPath reads the value from the input)",
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/T: Task state 'T' has both TimeoutSeconds and TimeoutSecondsPath; keep only one (TimeoutSeconds is a literal, TimeoutSecondsPath reads the value from the input)");
  }

  @Test
  void waitDurations() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Wait",
              "Seconds": 1,
              "Timestamp": "2026-01-01T00:00:00Z",
              "Next": "B"
            },
            "B": {
              "Type": "Wait",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR MUTUALLY_EXCLUSIVE_FIELDS /States/A: Wait state 'A' has Seconds and Timestamp; a Wait state takes exactly one of Seconds, SecondsPath, Timestamp, TimestampPath",
        "ERROR MISSING_REQUIRED_FIELD /States/B: Wait state 'B' needs one of Seconds, SecondsPath, Timestamp or TimestampPath to say how long to wait");
  }

  @Test
  void requiredFields() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Next": "C"
            },
            "C": {
              "Type": "Choice",
              "Default": "P"
            },
            "P": {
              "Type": "Parallel",
              "Next": "M"
            },
            "M": {
              "Type": "Map",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /States/C: Choice state 'C' needs Choices: a non-empty array of choice rules",
        "ERROR MISSING_REQUIRED_FIELD /States/M: Map state 'M' needs an ItemProcessor: the StartAt and States run for each item",
        "ERROR MISSING_REQUIRED_FIELD /States/P: Parallel state 'P' needs Branches: a non-empty array of branches, each with StartAt and States",
        "ERROR MISSING_REQUIRED_FIELD /States/T: Task state 'T' needs Resource: the ARN of the integration or activity to run");
  }

}
