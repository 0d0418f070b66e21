package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSONPath paths, payload templates and intrinsic functions. Each test asserts the whole report: severity, code, pointer and message. */
final class PathRulesTest {

  @Test
  void paths() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "InputPath": "$.a b",
              "OutputPath": "$$.Execution.Input",
              "ResultPath": "$.items[*]",
              "Next": "B"
            },
            "B": {
              "Type": "Pass",
              "ResultPath": "$$.State",
              "Next": "C"
            },
            "C": {
              "Type": "Pass",
              "ResultPath": "$myVar",
              "Next": "D"
            },
            "D": {
              "Type": "Wait",
              "SecondsPath": "$..delay",
              "Next": "E"
            },
            "E": {
              "Type": "Map",
              "ItemsPath": "$items.list",
              "ItemProcessor": {
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
              "Type": "Pass",
              "InputPath": "detail",
              "ResultPath": 5,
              "Next": "G"
            },
            "G": {
              "Type": "Fail",
              "ErrorPath": "$.errors[?(@.x)]",
              "CausePath": "States.Format('{}', $.a..b)"
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_JSONPATH /States/A/InputPath: InputPath '$.a b' is not a valid JSONPath: Use bracket notion ['my prop'] if your property contains blank characters. position: 2",
        "ERROR INVALID_REFERENCE_PATH /States/A/ResultPath: ResultPath '$.items[*]' may select several values; it must be a reference path to one value, without [*], filters [?()], slices [a:b], unions [a,b], deep scan .. or functions",
        "ERROR INVALID_REFERENCE_PATH /States/B/ResultPath: ResultPath '$$.State' writes into the context object, which is read-only; write into the state's input with $...",
        "ERROR INVALID_REFERENCE_PATH /States/C/ResultPath: ResultPath '$myVar' names a variable; ResultPath writes into the state's input, so start it with $. and set variables with Assign",
        "ERROR INVALID_REFERENCE_PATH /States/D/SecondsPath: SecondsPath '$..delay' may select several values; it must be a reference path to one value, without [*], filters [?()], slices [a:b], unions [a,b], deep scan .. or functions",
        "ERROR INVALID_JSONPATH /States/F/InputPath: InputPath 'detail' is not a JSONPath: a path starts with $ (input), $$ (context object) or $name (variable)",
        "ERROR INVALID_VALUE_TYPE /States/F/ResultPath: ResultPath must be a path string or null, got 5",
        "ERROR INVALID_REFERENCE_PATH /States/G/ErrorPath: ErrorPath '$.errors[?(@.x)]' may select several values; it must be a reference path to one value, without [*], filters [?()], slices [a:b], unions [a,b], deep scan .. or functions");
  }

  @Test
  void intrinsicNotAllowed() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "ResultPath": "States.Array($.a)",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INTRINSIC_NOT_ALLOWED /States/A/ResultPath: ResultPath takes a path, not an intrinsic function call; call the function in Parameters under a key ending in .$ instead");
  }

  @Test
  void payload() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Parameters": {
                "Payload": {
                  "id": "$.id",
                  "ids": [
                    "$.a",
                    "plain"
                  ],
                  "call": "States.UUID()",
                  "price": "$5.00",
                  "topic": "${TopicArn}",
                  "count": {
                    "Fn::Size": [
                      "$.items"
                    ]
                  },
                  "name": 1,
                  "name.$": "$.name"
                },
                "Token.$": "${TokenPath}",
                "bad.$": "name"
              },
              "ResultSelector": "$.Payload",
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING NO_DOLLAR /States/A/Parameters/Payload/call: 'call' holds 'States.UUID()', which is sent as literal text because the key does not end in .$; rename the key to 'call.$' to call the function",
        "WARNING NO_DOLLAR /States/A/Parameters/Payload/count/Fn::Size: 'Fn::Size' is not an intrinsic function and nothing evaluates it inside a definition, so its value is sent as literal data; compute the value with an intrinsic under a key ending in .$, such as \"count.$\": \"States.ArrayLength($.items)\"",
        "WARNING NO_DOLLAR /States/A/Parameters/Payload/id: 'id' holds '$.id', which is sent as literal text because the key does not end in .$; rename the key to 'id.$' to use the value at that path",
        "WARNING NO_DOLLAR /States/A/Parameters/Payload/ids/0: array item '$.a' is sent as literal text: arrays cannot hold paths; build the array with an intrinsic under a key ending in .$, such as \"items.$\": \"States.Array($.a)\"",
        "ERROR DUPLICATE_KEY /States/A/Parameters/Payload/name.$: Parameters has both 'name' and 'name.$', which become the same key once .$ is stripped; keep one",
        "ERROR INVALID_DOLLAR_FIELD /States/A/Parameters/bad.$: 'bad.$' must hold a path ($..., $$... or $variable) or an intrinsic function call, got 'name'; drop .$ from the key to send it literally",
        "WARNING NO_DOLLAR /States/A/ResultSelector: ResultSelector is the literal text '$.Payload', not the value it names; to pass that value use an object with a key ending in .$, such as {\"value.$\": \"$.Payload\"}");
  }

  @Test
  void theSameWrongPathInSeveralFieldsIsReportedForEachWithItsOwnName() {
    // Verdicts on a path text are remembered across fields and definitions; the message must still
    // name the field where each use is.
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "InputPath": "$.a..",
              "OutputPath": "$.a..",
              "Parameters": {"x.$": "$.a..", "y.$": "States.Format('{}', $.a..)"},
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_JSONPATH /States/A/InputPath: InputPath '$.a..' is not a valid JSONPath: Path must not end "
            + "with a '.' or '..'",
        "ERROR INVALID_JSONPATH /States/A/OutputPath: OutputPath '$.a..' is not a valid JSONPath: Path must not end "
            + "with a '.' or '..'",
        "ERROR INVALID_JSONPATH /States/A/Parameters/x.$: 'x.$' value '$.a..' is not a valid JSONPath: Path must not "
            + "end with a '.' or '..'",
        "ERROR INVALID_JSONPATH /States/A/Parameters/y.$: argument 2 of States.Format in 'y.$' value '$.a..' is not a "
            + "valid JSONPath: Path must not end with a '.' or '..'");
  }

  @Test
  void aKeyAndItsDollarFormAreReportedAtTheOneWrittenSecondInEitherOrder() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Parameters": {"first.$": "$.a", "first": 1, "second": 2, "second.$": "$.b"},
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR DUPLICATE_KEY /States/A/Parameters/first: Parameters has both 'first' and 'first.$', which become the "
            + "same key once .$ is stripped; keep one",
        "ERROR DUPLICATE_KEY /States/A/Parameters/second.$: Parameters has both 'second' and 'second.$', which become "
            + "the same key once .$ is stripped; keep one");
  }

  @Test
  void intrinsics() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Parameters": {
                "a.$": "States.Format('{}', $.x",
                "b.$": "States.MathAdd(1, 2, 3)",
                "c.$": "States.format('x')",
                "d.$": "States.Array(States.Hash($.a b, 'MD5'))",
                "e.$": "States.JsonMerge($.a, $$.b, false)",
                "f.$": "States.ArrayLength($myList)"
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_INTRINSIC /States/A/Parameters/a.$: 'a.$' value is not a valid intrinsic function call: missing ) to close States.Format at the end of: States.Format('{}', $.x",
        "ERROR WRONG_ARGUMENT_COUNT /States/A/Parameters/b.$: 'b.$' value calls States.MathAdd with 3 arguments, but it takes 2 arguments",
        "ERROR INVALID_FUNCTION /States/A/Parameters/c.$: 'c.$' value calls States.format, which is not an intrinsic function (did you mean States.Format?); the functions are States.Format, States.StringToJson, States.JsonToString, States.Array, States.ArrayPartition, States.ArrayContains, States.ArrayRange, States.ArrayGetItem, States.ArrayLength, States.ArrayUnique, States.Base64Encode, States.Base64Decode, States.Hash, States.JsonMerge, States.MathRandom, States.MathAdd, States.StringSplit, States.UUID",
        "ERROR INVALID_INTRINSIC /States/A/Parameters/d.$: 'd.$' value is not a valid intrinsic function call: expected , or ) in the arguments of States.Hash at character 30 of: States.Array(States.Hash($.a b, 'MD5'))");
  }

  @Test
  void passResult() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Result": {
                "x.$": "$.y",
                "list": [
                  "$.z",
                  1
                ],
                "nested": {
                  "ok": "text"
                }
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "WARNING PASS_RESULT_IS_STATIC /States/A/Result/list/0: Result is never evaluated, so '$.z' stays literal text; use Parameters with a key ending in .$ to read a path",
        "WARNING PASS_RESULT_IS_STATIC /States/A/Result/x.$: Result is never evaluated, so 'x.$' stays a literal key; build output from paths with Parameters instead");
  }

  @Test
  void assign() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Assign": {
                "good": 1,
                "also_good.$": "$.x",
                "1bad": 2,
                "bad-name": 3
              },
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_VARIABLE_NAME /States/A/Assign/1bad: '1bad' is not a variable name: start with a letter or _, then use letters, digits or _",
        "ERROR INVALID_VARIABLE_NAME /States/A/Assign/bad-name: 'bad-name' is not a variable name: start with a letter or _, then use letters, digits or _");
  }

  @Test
  void pathsInsideIntrinsicArgumentsAreCompiledToo() {
    assertThat(problems("""
        {
          "StartAt": "A",
          "States": {
            "A": {
              "Type": "Pass",
              "Parameters": {"n.$": "States.Format('{}', States.ArrayLength($$23))", "ok.$": "States.ArrayLength($items)"},
              "End": true
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_JSONPATH /States/A/Parameters/n.$: argument 1 of States.ArrayLength in 'n.$' value '$$23' is "
            + "not a valid JSONPath: Illegal character at position 2 expected '.' or '['");
  }
}
