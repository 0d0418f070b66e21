package io.statecraft.asl.validate;

import static io.statecraft.asl.validate.Validation.problems;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Choice states and their rules, in JSONPath and JSONata. Each test asserts the whole report: severity, code, pointer and message. */
final class ChoiceRulesTest {

  @Test
  void choiceRules() {
    assertThat(problems("""
        {
          "StartAt": "C",
          "States": {
            "C": {
              "Type": "Choice",
              "Choices": [
                {
                  "Next": "A"
                },
                {
                  "Variable": "$.a",
                  "StringEquals": "x",
                  "IsPresent": true,
                  "Next": "A"
                },
                {
                  "StringEquals": "x",
                  "Next": "A"
                },
                {
                  "Variable": "$.a",
                  "And": [
                    {
                      "Variable": "$.b",
                      "IsNull": false,
                      "Next": "A"
                    }
                  ],
                  "Next": "A"
                },
                {
                  "Not": {
                    "Variable": "$.c",
                    "NumericEquals": "1"
                  },
                  "Next": "A"
                },
                {
                  "Or": [],
                  "Next": "A"
                },
                {
                  "Variable": "$.d[*]",
                  "BooleanEquals": true,
                  "Next": "A"
                },
                {
                  "Variable": "$.e",
                  "StringEquals": "$.f",
                  "Next": "A"
                },
                {
                  "Variable": "$.e",
                  "TimestampEqualsPath": "$.g",
                  "Condition": "{% true %}"
                }
              ]
            },
            "A": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR INVALID_CHOICE_RULE /States/C/Choices/0: the choice rule has no operator; add a comparison such as StringEquals (with Variable) or combine rules with And, Or or Not",
        "ERROR INVALID_CHOICE_RULE /States/C/Choices/1: the choice rule has 2 operators (StringEquals, IsPresent); a rule takes exactly one, so combine them with And or Or",
        "ERROR INVALID_CHOICE_RULE /States/C/Choices/2: StringEquals compares the value at Variable, but the rule has no Variable; add one such as \"$.status\"",
        "ERROR FIELD_NOT_ALLOWED /States/C/Choices/3/And/0/Next: Next is only allowed on a top-level choice rule, not inside And, Or or Not; move it to the enclosing rule",
        "ERROR INVALID_CHOICE_RULE /States/C/Choices/3/Variable: And combines nested rules, which carry their own Variable; move Variable into the nested rules",
        "ERROR INVALID_VALUE_TYPE /States/C/Choices/4/Not/NumericEquals: NumericEquals must be a number, got '1'",
        "ERROR EMPTY_ARRAY /States/C/Choices/5/Or: Or is empty; give it at least one nested rule",
        "ERROR INVALID_REFERENCE_PATH /States/C/Choices/6/Variable: Variable '$.d[*]' may select several values; it must be a reference path to one value, without [*], filters [?()], slices [a:b], unions [a,b], deep scan .. or functions",
        "WARNING NO_PATH /States/C/Choices/7/StringEquals: StringEquals compares with the literal text '$.f'; to compare with the value at that path use StringEqualsPath",
        "ERROR MISSING_REQUIRED_FIELD /States/C/Choices/8: a top-level choice rule needs Next: the state to run when the rule matches",
        "ERROR JSONATA_FIELD_IN_JSONPATH_STATE /States/C/Choices/8/Condition: Condition is a JSONata field, but Choice state 'C' uses JSONPath; use Variable with a comparison operator instead, or set \"QueryLanguage\": \"JSONata\" on the state",
        "WARNING JSONATA_IN_JSONPATH_STATE /States/C/Choices/8/Condition: '{% true %}' is a JSONata expression, but Choice state 'C' uses JSONPath, so it is sent as literal text; set \"QueryLanguage\": \"JSONata\" on the state to evaluate it");
  }

  @Test
  void emptyChoices() {
    assertThat(problems("""
        {
          "StartAt": "C",
          "States": {
            "C": {
              "Type": "Choice",
              "Choices": []
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_END_STATE /States: The top level has no terminal state, so it can never finish; end a path with a Succeed or Fail state or \"End\": true",
        "ERROR EMPTY_ARRAY /States/C/Choices: Choices is empty; a Choice state needs at least one rule");
  }

  @Test
  void jsonataChoice() {
    assertThat(problems("""
        {
          "QueryLanguage": "JSONata",
          "StartAt": "C",
          "States": {
            "C": {
              "Type": "Choice",
              "Choices": [
                {
                  "Condition": "{% $states.input.n > 1 %}",
                  "Next": "A"
                },
                {
                  "Variable": "$.x",
                  "Next": "A"
                },
                {
                  "Condition": "yes",
                  "Next": "A"
                }
              ],
              "Default": "A"
            },
            "A": {
              "Type": "Succeed"
            }
          }
        }
        """)).containsExactly(
        "ERROR MISSING_REQUIRED_FIELD /States/C/Choices/1: a JSONata choice rule needs a Condition, such as \"{% $states.input.count > 0 %}\"",
        "ERROR JSONPATH_FIELD_IN_JSONATA_STATE /States/C/Choices/1/Variable: Variable is a JSONPath field, but Choice state 'C' uses JSONata; use Condition with a {% %} expression instead",
        "ERROR INVALID_VALUE_TYPE /States/C/Choices/2/Condition: Condition must be a {% %} expression or a boolean, got 'yes'");
  }

}
