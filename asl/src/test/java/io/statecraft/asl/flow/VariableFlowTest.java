package io.statecraft.asl.flow;

import static io.statecraft.asl.flow.FlowReport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Workflow variables along every path: each test asserts the whole report. */
final class VariableFlowTest {

  @Test
  void readWhereNoPathAssignsIsAnError() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Greet",
          "States": {
            "Greet": {
              "Type": "Pass",
              "Output": "{% 'Hello ' & $name %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR UNASSIGNED_VARIABLE /States/Greet/Output: $name is read here, but no path to Greet assigns it; assign it with Assign in an earlier state, or fix the name");
  }

  @Test
  void readWhereSomePathDoesNotAssignIsAWarning() {
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
                  "Next": "Discount"
                }
              ],
              "Default": "Charge"
            },
            "Discount": {
              "Type": "Pass",
              "Assign": {
                "rate": 0.9
              },
              "Next": "Charge"
            },
            "Charge": {
              "Type": "Pass",
              "Output": "{% $states.input.total * $rate %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING UNASSIGNED_VARIABLE /States/Charge/Output: $rate is read here, but some path to Charge does not assign it, so the read fails there; assign it on every path (an initial value in an earlier state) or read it only where it is set");
  }

  @Test
  void choiceRuleAssignAndTheStatesAssignOnTheDefaultCoverEveryPath() {
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
                  "Assign": {
                    "rate": 0.9
                  },
                  "Next": "Charge"
                }
              ],
              "Assign": {
                "rate": 1
              },
              "Default": "Charge"
            },
            "Charge": {
              "Type": "Pass",
              "Output": "{% $states.input.total * $rate %}",
              "End": true
            }
          }
        }
        """)).isEmpty();
  }

  @Test
  void aCatchPathSeesTheCatchersAssignButNotTheStates() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Call",
          "States": {
            "Call": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {
                "FunctionName": "f"
              },
              "Assign": {
                "answer": "{% $states.result.Payload %}"
              },
              "Catch": [
                {
                  "ErrorEquals": [
                    "States.ALL"
                  ],
                  "Assign": {
                    "failure": "{% $states.errorOutput %}"
                  },
                  "Next": "Report"
                }
              ],
              "Next": "Done"
            },
            "Done": {
              "Type": "Succeed",
              "Output": "{% $answer %}"
            },
            "Report": {
              "Type": "Fail",
              "Error": "{% $failure.Error %}",
              "Cause": "{% $string($answer) %}"
            }
          }
        }
        """)).containsExactly(
        "ERROR UNASSIGNED_VARIABLE /States/Report/Cause: $answer is read here, but no path to Report assigns it; assign it with Assign in an earlier state, or fix the name");
  }

  @Test
  void aStateSeesTheValuesFromBeforeItsOwnAssign() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "first": 1,
                "second": "{% $first + 1 %}"
              },
              "Output": "{% $second %}",
              "Next": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Output": "{% [$first, $second] %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR UNASSIGNED_VARIABLE /States/Init/Assign/second: $first is read here, but no path to Init assigns it; assign it with Assign in an earlier state, or fix the name",
        "ERROR UNASSIGNED_VARIABLE /States/Init/Output: $second is read here, but no path to Init assigns it; assign it with Assign in an earlier state, or fix the name");
  }

  @Test
  void aLoopReachesItsFixedPoint() {
    // Init sets count before the loop: every read in the loop is covered. total is set only at the
    // end of the loop body, so the first turn reads it unset.
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "count": 0
              },
              "Next": "Step"
            },
            "Step": {
              "Type": "Pass",
              "Assign": {
                "count": "{% $count + 1 %}",
                "total": "{% $total + $count %}"
              },
              "Next": "Again"
            },
            "Again": {
              "Type": "Choice",
              "Choices": [
                {
                  "Condition": "{% $count < 10 %}",
                  "Next": "Step"
                }
              ],
              "Default": "Done"
            },
            "Done": {
              "Type": "Succeed",
              "Output": "{% $total %}"
            }
          }
        }
        """)).containsExactly(
        "WARNING UNASSIGNED_VARIABLE /States/Step/Assign/total: $total is read here, but some path to Step does not assign it, so the read fails there; assign it on every path (an initial value in an earlier state) or read it only where it is set");
  }

  @Test
  void jsonPathStatesReadVariablesInPathsAndIntrinsics() {
    assertThat(problems("""
        {
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "prefix": "order-"
              },
              "Next": "Name"
            },
            "Name": {
              "Type": "Pass",
              "Parameters": {
                "id.$": "States.Format('{}{}', $prefix, $suffix)",
                "literalPath": "$notRead"
              },
              "ResultPath": "$.name",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR UNASSIGNED_VARIABLE /States/Name/Parameters/id.$: $suffix is read here, but no path to Name assigns it; assign it with Assign in an earlier state, or fix the name",
        "WARNING NO_DOLLAR /States/Name/Parameters/literalPath: 'literalPath' holds '$notRead', which is sent as literal text because the key does not end in .$; rename the key to 'literalPath.$' to use the value at that path");
  }

  @Test
  void innerScopesSeeOuterVariablesButNotTheOtherWayRound() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "factor": 2
              },
              "Next": "Each"
            },
            "Each": {
              "Type": "Map",
              "Items": "{% $states.input.items %}",
              "ItemProcessor": {
                "StartAt": "Scale",
                "States": {
                  "Scale": {
                    "Type": "Pass",
                    "Assign": {
                      "scaled": "{% $states.input * $factor %}"
                    },
                    "Output": "{% $states.input * $factor %}",
                    "Next": "Keep"
                  },
                  "Keep": {
                    "Type": "Pass",
                    "Output": "{% $scaled %}",
                    "End": true
                  }
                }
              },
              "Next": "Sum"
            },
            "Sum": {
              "Type": "Pass",
              "Output": "{% $sum($states.input) + $scaled %}",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR VARIABLE_OUT_OF_SCOPE /States/Sum/Output: $scaled is assigned only in the iterations of Map state 'Each', which Sum cannot see; variables assigned inside a Parallel branch or Map iteration stay there: return the value in its output and read it from the Parallel or Map state's result");
  }

  @Test
  void aParallelBranchDoesNotSeeAnotherBranchsVariables() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Both",
          "States": {
            "Both": {
              "Type": "Parallel",
              "Branches": [
                {
                  "StartAt": "Left",
                  "States": {
                    "Left": {
                      "Type": "Pass",
                      "Assign": {
                        "left": 1
                      },
                      "Next": "LeftDone"
                    },
                    "LeftDone": {
                      "Type": "Pass",
                      "Output": "{% $left %}",
                      "End": true
                    }
                  }
                },
                {
                  "StartAt": "Right",
                  "States": {
                    "Right": {
                      "Type": "Pass",
                      "Output": "{% $left %}",
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
        "ERROR VARIABLE_OUT_OF_SCOPE /States/Both/Branches/1/States/Right/Output: $left is assigned only in branch 0 of Parallel state 'Both', which Right cannot see; variables assigned inside a Parallel branch or Map iteration stay there: return the value in its output and read it from the Parallel or Map state's result");
  }

  @Test
  void aDistributedMapSeesNoOuterVariables() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "factor": 2
              },
              "Next": "Each"
            },
            "Each": {
              "Type": "Map",
              "Items": "{% $states.input.items %}",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "EXPRESS"
                },
                "StartAt": "Scale",
                "States": {
                  "Scale": {
                    "Type": "Pass",
                    "Output": "{% $states.input * $factor %}",
                    "End": true
                  }
                }
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR VARIABLE_OUT_OF_SCOPE /States/Each/ItemProcessor/States/Scale/Output: $factor is assigned only in the top level, which Scale cannot see; a distributed Map's iterations do not see the variables around the Map: pass the value to them with ItemSelector");
  }

  @Test
  void anAssignmentNothingReadsIsUnused() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "used": 1,
                "forgotten": 2
              },
              "Next": "Last"
            },
            "Last": {
              "Type": "Pass",
              "Assign": {
                "tooLate": "{% $used %}"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING UNUSED_VARIABLE /States/Init/Assign/forgotten: $forgotten is assigned here but no state after this one reads it; remove it, or read it where it was meant to be used",
        "WARNING UNUSED_VARIABLE /States/Last/Assign/tooLate: $tooLate is assigned here but no state after this one reads it; remove it, or read it where it was meant to be used");
  }

  @Test
  void aReadInAnInnerScopeOrOnALaterTurnOfALoopCountsAsUse() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "factor": 2,
                "turns": 0
              },
              "Next": "Each"
            },
            "Each": {
              "Type": "Map",
              "Items": "{% $states.input.items %}",
              "ItemProcessor": {
                "StartAt": "Scale",
                "States": {
                  "Scale": {
                    "Type": "Pass",
                    "Output": "{% $states.input * $factor %}",
                    "End": true
                  }
                }
              },
              "Assign": {
                "turns": "{% $turns + 1 %}"
              },
              "Next": "Again"
            },
            "Again": {
              "Type": "Choice",
              "Choices": [
                {
                  "Condition": "{% $turns < 3 %}",
                  "Next": "Each"
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
  void existsTestsAndFunctionsPassedAsValuesAreNotReadsOfUnsetVariables() {
    // $exists($later) works where later is not set yet; $string is JSONata's function, as no
    // state assigns a variable of that name; $count is the variable here, as Init assigns it.
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": {
              "Type": "Pass",
              "Assign": {
                "count": 2
              },
              "Next": "Use"
            },
            "Use": {
              "Type": "Pass",
              "Output": "{% [$exists($later), $map($states.input.numbers, $string), $count, $exists($never)] %}",
              "Assign": {
                "later": 1
              },
              "Next": "Again"
            },
            "Again": {
              "Type": "Pass",
              "Output": "{% $later %}",
              "End": true
            }
          }
        }
        """)).isEmpty();
  }
}
