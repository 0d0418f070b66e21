package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The values of each state type's own fields. Each test asserts the whole report: severity, code, pointer and message. */
final class StateFieldRulesTest {

  @Test
  void typesAndRanges() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "TimeoutSeconds": 0,
              "HeartbeatSeconds": "10",
              "Retry": [
                {
                  "ErrorEquals": [
                    "States.Timeout"
                  ],
                  "IntervalSeconds": 0,
                  "MaxAttempts": -1,
                  "BackoffRate": 0.5,
                  "MaxDelaySeconds": 31622401,
                  "JitterStrategy": "HALF"
                }
              ],
              "Next": "W"
            },
            "W": {
              "Type": "Wait",
              "Seconds": -1,
              "Next": "M"
            },
            "M": {
              "Type": "Map",
              "MaxConcurrency": -2,
              "ToleratedFailurePercentage": 101,
              "ToleratedFailureCount": 1.5,
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
        "ERROR VALUE_OUT_OF_RANGE /States/M/MaxConcurrency: MaxConcurrency must be an integer of at least 0, got -2",
        "ERROR INVALID_VALUE_TYPE /States/M/ToleratedFailureCount: ToleratedFailureCount must be an integer of at least 0, got 1.5",
        "ERROR VALUE_OUT_OF_RANGE /States/M/ToleratedFailurePercentage: ToleratedFailurePercentage must be a number from 0 to 100, got 101",
        "ERROR INVALID_VALUE_TYPE /States/T/HeartbeatSeconds: HeartbeatSeconds must be an integer from 1 to 99999999, got '10'",
        "ERROR VALUE_OUT_OF_RANGE /States/T/Retry/0/BackoffRate: BackoffRate must be a number of at least 1.0, got 0.5",
        "ERROR VALUE_OUT_OF_RANGE /States/T/Retry/0/IntervalSeconds: IntervalSeconds must be an integer from 1 to 99999999, got 0",
        "ERROR INVALID_ENUM_VALUE /States/T/Retry/0/JitterStrategy: JitterStrategy must be FULL or NONE, got 'HALF'",
        "ERROR VALUE_OUT_OF_RANGE /States/T/Retry/0/MaxAttempts: MaxAttempts must be an integer from 0 to 99999999, got -1",
        "ERROR VALUE_OUT_OF_RANGE /States/T/Retry/0/MaxDelaySeconds: MaxDelaySeconds must be an integer from 1 to 31622400, got 31622401",
        "ERROR VALUE_OUT_OF_RANGE /States/T/TimeoutSeconds: TimeoutSeconds must be an integer from 1 to 99999999, got 0",
        "ERROR VALUE_OUT_OF_RANGE /States/W/Seconds: Seconds must be an integer from 0 to 99999999, got -1");
  }

  @Test
  void heartbeatNotBelowTimeout() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "TimeoutSeconds": 60,
              "HeartbeatSeconds": 60,
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR HEARTBEAT_NOT_BELOW_TIMEOUT /States/T/HeartbeatSeconds: HeartbeatSeconds (60) must be less than TimeoutSeconds (60), or the task times out before a missed heartbeat could be noticed; lower it or raise TimeoutSeconds");
  }

  @Test
  void timestamp() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Wait",
              "Timestamp": "2026-03-14 01:59:00",
              "Next": "B"
            },
            "B": {
              "Type": "Wait",
              "Timestamp": "2026-03-14T01:59:00.123+02:00",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_TIMESTAMP /States/A/Timestamp: Timestamp '2026-03-14 01:59:00' is not a timestamp the service accepts: write RFC 3339 with an uppercase T and Z or an offset, such as 2026-03-14T01:59:00Z");
  }

  @Test
  void credentials() {
    assertThat(problems("""
        {
          "StartAt": "T",
          "States": {
            "T": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Credentials": "arn:aws:iam::123456789012:role/R",
              "Next": "U"
            },
            "U": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Credentials": {},
              "Next": "V"
            },
            "V": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Credentials": {
                "RoleArn.$": "$.role"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_CREDENTIALS /States/T/Credentials: Credentials must be an object with the role to assume, such as {\"RoleArn\": \"arn:aws:iam::123456789012:role/Target\"}, got 'arn:aws:iam::123456789012:role/R'",
        "ERROR MISSING_REQUIRED_FIELD /States/U/Credentials: Credentials needs RoleArn: the role to assume");
  }

  @Test
  void labels() {
    assertThat(problems("""
        {
          "StartAt": "M",
          "States": {
            "M": {
              "Type": "Map",
              "Label": "my label",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "EXPRESS"
                },
                "StartAt": "X",
                "States": {
                  "X": {
                    "Type": "Succeed"
                  }
                }
              },
              "Next": "N"
            },
            "N": {
              "Type": "Map",
              "Label": "ThisLabelIsMuchTooLongForTheServiceToAcceptIt",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "EXPRESS"
                },
                "StartAt": "Y",
                "States": {
                  "Y": {
                    "Type": "Succeed"
                  }
                }
              },
              "Next": "O"
            },
            "O": {
              "Type": "Map",
              "Label": "my label",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED",
                  "ExecutionType": "EXPRESS"
                },
                "StartAt": "Z",
                "States": {
                  "Z": {
                    "Type": "Succeed"
                  }
                }
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_LABEL_NAME /States/M/Label: Label 'my label' contains white space or a control character; use letters, digits, - and _",
        "ERROR INVALID_LABEL_NAME /States/N/Label: Label 'ThisLabelIsMuchTooLongForTheServiceToAcceptIt' has 45 characters; a Label has 1 to 40",
        "ERROR DUPLICATE_LABEL_NAME /States/O/Label: Label 'my label' is also used at /States/M; labels must be unique in the state machine",
        "ERROR INVALID_LABEL_NAME /States/O/Label: Label 'my label' contains white space or a control character; use letters, digits, - and _");
  }

  @Test
  void distributedOnly() {
    assertThat(problems("""
        {
          "StartAt": "M",
          "States": {
            "M": {
              "Type": "Map",
              "ItemReader": {
                "Resource": "arn:aws:states:::s3:getObject"
              },
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "INLINE",
                  "ExecutionType": "STANDARD"
                },
                "StartAt": "X",
                "States": {
                  "X": {
                    "Type": "Succeed"
                  }
                }
              },
              "Next": "N"
            },
            "N": {
              "Type": "Map",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "DISTRIBUTED"
                },
                "StartAt": "Y",
                "States": {
                  "Y": {
                    "Type": "Succeed"
                  }
                }
              },
              "Next": "O"
            },
            "O": {
              "Type": "Map",
              "ItemProcessor": {
                "ProcessorConfig": {
                  "Mode": "BATCH"
                },
                "StartAt": "Z",
                "States": {
                  "Z": {
                    "Type": "Succeed"
                  }
                }
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemProcessor/ProcessorConfig/ExecutionType: ExecutionType applies only to \"Mode\": \"DISTRIBUTED\"; remove it or make the Map distributed",
        "ERROR FIELD_NOT_ALLOWED /States/M/ItemReader: ItemReader needs a distributed Map; set ItemProcessor.ProcessorConfig to {\"Mode\": \"DISTRIBUTED\", \"ExecutionType\": \"STANDARD\"} (or EXPRESS), or remove ItemReader",
        "ERROR MISSING_REQUIRED_FIELD /States/N/ItemProcessor/ProcessorConfig: a DISTRIBUTED Map needs ExecutionType: STANDARD or EXPRESS, the type of the child workflow executions it starts",
        "ERROR INVALID_ENUM_VALUE /States/O/ItemProcessor/ProcessorConfig/Mode: Mode must be INLINE or DISTRIBUTED, got 'BATCH'");
  }

}
