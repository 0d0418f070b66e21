package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** JSONata states: $states, variables, and the functions Step Functions adds to JSONata. */
class JsonataTest {

  private static Execution output(String expression, String input) {
    String definition = "{\"QueryLanguage\": \"JSONata\", \"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
        + " \"Output\": {\"v\": " + JsonValues.compact(JsonValues.NODES.textNode("{% " + expression + " %}")) + "}, \"End\": true}}}";
    return LocalExecutor.ofJson(definition).run(input);
  }

  private static void returns(String expression, String input, String expected) {
    assertThat(output(expression, input)).succeeded().hasOutput("{\"v\": " + expected + "}");
  }

  @Test
  void partitionIsAws() {
    returns("$partition", "{}", "\"aws\"");
  }

  @Test
  void rangeCountsFromStartToEndInclusive() {
    returns("$range(0, 10, 2)", "{}", "[0, 2, 4, 6, 8, 10]");
    returns("$range(1, 3)", "{}", "[1, 2, 3]");
  }

  @Test
  void hashHexEncodesTheDigest() {
    returns("$hash('input data', 'SHA-1')", "{}", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"");
  }

  @Test
  void randomIsBetweenZeroAndOneAndRepeatsWithASeed() {
    double value = output("$random()", "{}").output().get("v").asDouble();
    assertThat(value).isBetween(0.0, 1.0);
    assertThat(output("$random(7)", "{}").output()).isEqualTo(output("$random(7)", "{}").output());
  }

  @Test
  void uuidIsAVersion4Uuid() {
    assertThat(output("$uuid()", "{}").output().get("v").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  }

  @Test
  void parseReadsJsonText() {
    returns("$parse($states.input.text)", "{\"text\": \"{\\\"a\\\": [1, null, true]}\"}", "{\"a\": [1, null, true]}");
  }

  @Test
  void nullsAndNumbersSurviveTheRoundTrip() {
    returns("$states.input", "{\"a\": null, \"b\": 1.5, \"c\": 2}", "{\"a\": null, \"b\": 1.5, \"c\": 2}");
    returns("$states.input.n * 2", "{\"n\": 21}", "42");
  }

  @Test
  void aFailingExpressionIsAQueryEvaluationError() {
    assertThat(output("$states.input.missing", "{}")).failed().hasError("States.QueryEvaluationError",
        "The JSONata expression '$states.input.missing' specified for the field 'Output/v' returned nothing (undefined)");
  }

  @Test
  void assignComputesEveryValueFromTheVariablesBeforeTheState() {
    String definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "First",
          "States": {
            "First": {"Type": "Pass", "Assign": {"x": 1, "y": 10}, "Next": "Swap"},
            "Swap": {"Type": "Pass", "Assign": {"x": "{% $y %}", "y": "{% $x %}"}, "Next": "Show"},
            "Show": {"Type": "Pass", "Output": {"x": "{% $x %}", "y": "{% $y %}"}, "End": true}
          }
        }
        """;
    assertThat(LocalExecutor.ofJson(definition).run()).succeeded().hasOutput("{\"x\": 10, \"y\": 1}");
  }

  @Test
  void branchesReadOuterVariablesButTheirOwnStayInside() {
    String definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Set",
          "States": {
            "Set": {"Type": "Pass", "Assign": {"team": "ops"}, "Next": "Fan"},
            "Fan": {
              "Type": "Parallel",
              "Branches": [{
                "StartAt": "Inner",
                "States": {
                  "Inner": {"Type": "Pass", "Assign": {"local": "{% $team & '-inner' %}"}, "Next": "Read"},
                  "Read": {"Type": "Pass", "Output": "{% $local %}", "End": true}
                }
              }],
              "Output": "{% $states.result %}",
              "Next": "After"
            },
            "After": {"Type": "Pass", "Output": {"team": "{% $team %}", "branch": "{% $states.input[0] %}", "local": "{% $exists($local) %}"}, "End": true}
          }
        }
        """;
    assertThat(LocalExecutor.ofJson(definition).run()).succeeded()
        .hasOutput("{\"team\": \"ops\", \"branch\": \"ops-inner\", \"local\": false}");
  }

  @Test
  void aCatcherSeesTheErrorOutputAndAssigns() {
    String definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Call",
          "States": {
            "Call": {
              "Type": "Task",
              "Resource": "arn:aws:states:::lambda:invoke",
              "Arguments": {"FunctionName": "f", "Payload": "{% $states.input %}"},
              "Catch": [{
                "ErrorEquals": ["States.ALL"],
                "Assign": {"failure": "{% $states.errorOutput.Error %}"},
                "Output": {"input": "{% $states.input %}", "cause": "{% $states.errorOutput.Cause %}"},
                "Next": "Report"
              }],
              "End": true
            },
            "Report": {"Type": "Pass", "Output": {"failure": "{% $failure %}", "was": "{% $states.input %}"}, "End": true}
          }
        }
        """;
    assertThat(LocalExecutor.ofJson(definition).mock("Call", Mock.error("Lambda.Unknown", "boom")).run("{\"id\": 1}"))
        .succeeded()
        .hasOutput("{\"failure\": \"Lambda.Unknown\", \"was\": {\"input\": {\"id\": 1}, \"cause\": \"boom\"}}");
  }

  @Test
  void choiceConditionsAndMapItems() {
    String definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Each",
          "States": {
            "Each": {
              "Type": "Map",
              "Items": "{% $states.input.numbers %}",
              "ItemSelector": {"n": "{% $states.context.Map.Item.Value %}", "i": "{% $states.context.Map.Item.Index %}"},
              "ItemProcessor": {
                "StartAt": "Odd?",
                "States": {
                  "Odd?": {"Type": "Choice", "Choices": [{"Condition": "{% $states.input.n % 2 = 1 %}", "Next": "Odd"}], "Default": "Even"},
                  "Odd": {"Type": "Pass", "Output": "{% 'odd ' & $states.input.i %}", "End": true},
                  "Even": {"Type": "Pass", "Output": "{% 'even ' & $states.input.i %}", "End": true}
                }
              },
              "End": true
            }
          }
        }
        """;
    assertThat(LocalExecutor.ofJson(definition).run("{\"numbers\": [1, 2, 3]}")).succeeded()
        .hasOutput("[\"odd 0\", \"even 1\", \"odd 2\"]");
  }
}
