package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The state graph: names, transitions, reachability and terminal states. Each test asserts the whole report: severity, code, pointer and message. */
final class GraphRulesTest {

  @Test
  void startAtMissingTarget() {
    assertThat(problems("""
        {
          "StartAt": "Begin",
          "States": {
            "Start": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_TRANSITION_TARGET /StartAt: StartAt names 'Begin', but the top level has no state of that name (names are case-sensitive)");
  }

  @Test
  void unreachableAndLoop() {
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
                  "Next": "Done"
                }
              ],
              "Default": "B"
            },
            "B": {
              "Type": "Pass",
              "Next": "C"
            },
            "C": {
              "Type": "Pass",
              "Next": "B"
            },
            "Orphan": {
              "Type": "Pass",
              "End": true
            },
            "Done": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR NO_PATH_TO_END /States/B: no path from state 'B' leads to a terminal state, so an execution that gets here loops forever; add a way out to a Succeed or Fail state or a state with \"End\": true",
        "ERROR NO_PATH_TO_END /States/C: no path from state 'C' leads to a terminal state, so an execution that gets here loops forever; add a way out to a Succeed or Fail state or a state with \"End\": true",
        "ERROR UNREACHABLE_STATE /States/Orphan: state 'Orphan' is never reached from StartAt 'A' of the top level; add a transition to it or remove it");
  }

  @Test
  void missingTargets() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Catch": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Next": "Handle"
                }
              ],
              "Next": "b"
            },
            "B": {
              "Type": "Choice",
              "Choices": [
                {
                  "Variable": "$.x",
                  "IsPresent": true,
                  "Next": "Nowhere"
                }
              ],
              "Default": "A"
            },
            "Handler": {
              "Type": "Fail"
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_TRANSITION_TARGET /States/A/Catch/0/Next: Next names 'Handle', but the top level has no state of that name (names are case-sensitive); did you mean 'Handler'?",
        "ERROR MISSING_TRANSITION_TARGET /States/A/Next: Next names 'b', but the top level has no state of that name (names are case-sensitive); did you mean 'B'?",
        "ERROR UNREACHABLE_STATE /States/B: state 'B' is never reached from StartAt 'A' of the top level; add a transition to it or remove it",
        "ERROR MISSING_TRANSITION_TARGET /States/B/Choices/0/Next: Next names 'Nowhere', but the top level has no state of that name (names are case-sensitive)",
        "ERROR UNREACHABLE_STATE /States/Handler: state 'Handler' is never reached from StartAt 'A' of the top level; add a transition to it or remove it");
  }

  @Test
  void mapProcessorScope() {
    assertThat(problems("""
        {
          "StartAt": "M",
          "States": {
            "M": {
              "Type": "Map",
              "ItemProcessor": {
                "StartAt": "Inner",
                "States": {
                  "Inner": {
                    "Type": "Pass",
                    "Next": "After"
                  }
                }
              },
              "Next": "After"
            },
            "After": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_END_STATE /States/M/ItemProcessor/States: The ItemProcessor of Map state 'M' has no terminal state, so it can never finish; end a path with a Succeed or Fail state or \"End\": true",
        "ERROR MISSING_TRANSITION_TARGET /States/M/ItemProcessor/States/Inner/Next: Next names 'After', a state of the top level; a transition cannot leave or enter a Parallel branch or Map item processor, so target a state of the ItemProcessor of Map state 'M'");
  }

  @Test
  void duplicateNames() {
    assertThat(problems("""
        {
          "StartAt": "P",
          "States": {
            "P": {
              "Type": "Parallel",
              "Branches": [
                {
                  "StartAt": "Work",
                  "States": {
                    "Work": {
                      "Type": "Succeed"
                    }
                  }
                },
                {
                  "StartAt": "Work",
                  "States": {
                    "Work": {
                      "Type": "Succeed"
                    }
                  }
                }
              ],
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR DUPLICATE_STATE_NAME /States/P/Branches/1/States/Work: state name 'Work' is also used at /States/P/Branches/0/States/Work; names must be unique across the whole state machine, branches and item processors included, so rename one of them");
  }

  @Test
  void stateNames() {
    assertThat(problems("""
        {
          "StartAt": "a/b~c",
          "States": {
            "a/b~c": {
              "Type": "Pass",
              "Next": "This state name is far too long to be accepted by the service because it has more than 80"
            },
            "This state name is far too long to be accepted by the service because it has more than 80": {
              "Type": "Pass",
              "Next": "tab\\there"
            },
            "tab\\there": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_STATE_NAME /States/This state name is far too long to be accepted by the service because it has more than 80: state name 'This state name is far too long to be accepted by the service because it has more than 80' has 89 characters; the service allows at most 80, so shorten it",
        "WARNING STATE_NAME_CHARACTERS /States/a~1b~0c: state name 'a/b~c' contains '/', which the Step Functions API forbids in its other names; it can break tools and substitutions that use the name, so prefer letters, digits, spaces, - and _",
        "ERROR INVALID_STATE_NAME /States/tab\there: state name 'tab?here' contains the control character U+0009; remove it");
  }

}
