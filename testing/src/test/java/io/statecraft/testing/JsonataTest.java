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

  // The functions Step Functions adds to JSONata, as documented in
  // https://docs.aws.amazon.com/step-functions/latest/dg/transforming-data.html#jsonata-functions-provided-by-sfn

  private static void fails(String expression, String input, String cause) {
    assertThat(output(expression, input)).failed().hasError("States.QueryEvaluationError",
        "An error occurred while evaluating the JSONata expression '" + expression + "' specified for the field "
            + "'Output/v': " + cause);
  }

  @Test
  void partitionCutsAnArrayIntoChunks() {
    returns("$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 4)", "{}", "[[1, 2, 3, 4], [5, 6, 7, 8], [9]]");
    returns("$partition($states.input.ids, 2)", "{\"ids\": [\"a\", \"b\", \"c\"]}", "[[\"a\", \"b\"], [\"c\"]]");
    fails("$partition([1, 2], 0)", "{}", "Invalid arguments in $partition: the chunk size must be a positive integer, got 0");
  }

  @Test
  void rangeCountsFromStartToEndInclusive() {
    returns("$range(0, 10, 2)", "{}", "[0, 2, 4, 6, 8, 10]");
    returns("$range(5, 1, -2)", "{}", "[5, 3, 1]");
    // The step is not optional: the documented form, like States.ArrayRange, names all three.
    fails("$range(1, 3)", "{}", "Invalid arguments in $range: it takes 3 arguments, got 2");
    fails("$range(1, 3, 0)", "{}", "Invalid arguments in $range: the step must not be 0");
  }

  @Test
  void hashHexEncodesTheDigestOfEachAlgorithm() {
    returns("$hash('input data', 'MD5')", "{}", "\"812f45842bc6d66ee14572ce20db8e86\"");
    returns("$hash('input data', 'SHA-1')", "{}", "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"");
    returns("$hash('input data', 'SHA-256')", "{}",
        "\"b4a697a057313163aee33cd8d40c66e9f0f177e00cac2de32475ffff6169c3e3\"");
    returns("$hash('input data', 'SHA-384')", "{}",
        "\"d28a7d5cf25a74f11a50a18452b75e04bb3d70c9dd0510d6123aa008c756511b87525bdc835ebb27e1fb9e9374a15562\"");
    returns("$hash('input data', 'SHA-512')", "{}", "\"6ce4adb348546d4f449c4d25aad9a7c9cb711d9e91982d3f0b29ca2f3f47d4ce"
        + "2deba23bf2954f0f1d593fc50283731a533d30d425402d4f91316d871303aac4\"");
    fails("$hash('input data', 'SHA-2')", "{}",
        "Invalid arguments in $hash: the algorithm must be MD5, SHA-1, SHA-256, SHA-384 or SHA-512, got SHA-2");
  }

  @Test
  void randomWithASeedIsTheFirstNumberOfJavasRandomWithThatSeed() {
    returns("$random(7)", "{}", "0.7306990420600421");
    returns("$random($states.input.seed)", "{\"seed\": 42}", "0.7275636800328681");
    // Without a seed: the run's generator, seeded with LocalExecutor.seed (1 by default).
    returns("$random()", "{}", "0.7308781907032909");
    fails("$random(1.5)", "{}", "Invalid arguments in $random: the seed must be an integer, got 1.5");
  }

  @Test
  void uuidIsAVersion4Uuid() {
    assertThat(output("$uuid()", "{}").output().get("v").asText())
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(output("$uuid()", "{}").output()).isEqualTo(output("$uuid()", "{}").output());
  }

  @Test
  void parseReadsJsonText() {
    returns("$parse($states.input.text)", "{\"text\": \"{\\\"a\\\": [1, null, true]}\"}", "{\"a\": [1, null, true]}");
    fails("$parse('{a')", "{}", "Invalid arguments in $parse: the string is not JSON: {a");
  }

  @Test
  void aFunctionIsNoResult() {
    assertThat(output("$partition", "{}")).failed().hasError("States.QueryEvaluationError", "The JSONata expression "
        + "'$partition' specified for the field 'Output/v' returned a function, which is not a JSON value");
    assertThat(output("function($x) { $x }", "{}")).failed().hasError("States.QueryEvaluationError", "The JSONata "
        + "expression 'function($x) { $x }' specified for the field 'Output/v' returned a function, which is not a "
        + "JSON value");
  }

  @Test
  void evalIsRefusedAsTheServiceRefusesIt() {
    fails("$eval('1 + 1')", "{}", "the function $eval is not available in Step Functions; read JSON text with $parse");
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
