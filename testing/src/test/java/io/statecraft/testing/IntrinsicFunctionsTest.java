package io.statecraft.testing;

import static io.statecraft.testing.WorkflowAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The 18 intrinsic functions, with the examples of the Step Functions Developer Guide. */
class IntrinsicFunctionsTest {

  /** Runs one Pass state whose Parameters field {@code v.$} holds the call. */
  private static Execution call(String expression, String input) {
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": {\"v.$\": "
        + JsonValues.compact(JsonValues.NODES.textNode(expression)) + "}, \"End\": true}}}";
    return LocalExecutor.ofJson(definition).run(input);
  }

  private static void returns(String expression, String input, String expected) {
    assertThat(call(expression, input)).succeeded().hasOutput("{\"v\": " + expected + "}");
  }

  @Test
  void format() {
    returns("States.Format('Hello, my name is {}.', $.name)", "{\"name\": \"Arnav\"}", "\"Hello, my name is Arnav.\"");
    returns("States.Format('{} has {} items, done: {}', $.who, $.n, $.done)", "{\"who\": \"x\", \"n\": 3, \"done\": true}",
        "\"x has 3 items, done: true\"");
    returns("States.Format('C:\\\\logs\\\\{}', $.file)", "{\"file\": \"app.log\"}", "\"C:\\\\logs\\\\app.log\"");
  }

  /**
   * The reserved characters ' { } and \ are escaped with a backslash in every string literal:
   * https://docs.aws.amazon.com/step-functions/latest/dg/intrinsic-functions.html#amazon-states-language-intrinsic-functions-escapes
   */
  @Test
  void stringLiteralsFollowTheLanguagesEscapes() {
    // An escaped pair prints braces and is no slot; a slot next to escaped braces still is one.
    returns("States.Format('\\{\\}')", "{}", "\"{}\"");
    returns("States.Format('\\{\\} is {}', $.x)", "{\"x\": 1}", "\"{} is 1\"");
    returns("States.Format('\\{{}\\}', $.x)", "{\"x\": \"id\"}", "\"{id}\"");
    returns("States.Format('it\\'s \\\\ {}', $.x)", "{\"x\": 1}", "\"it's \\\\ 1\"");
    // The other functions read the same escapes.
    returns("States.StringSplit('a\\{b\\}c', '\\{\\}')", "{}", "[\"a\", \"b\", \"c\"]");
    returns("States.Array('\\'', '\\\\', '\\{\\}')", "{}", "[\"'\", \"\\\\\", \"{}\"]");
    // A template read from the input is data: each {} in it is a slot.
    returns("States.Format($.t, $.x)", "{\"t\": \"{} is \\\\ {x}\", \"x\": 1}", "\"1 is \\\\ {x}\"");
  }

  @Test
  void anEscapedBracePairCountsNoSlot() {
    assertThat(call("States.Format('\\{\\}', $.x)", "{\"x\": 1}")).failed()
        .hasError("States.Runtime", "Invalid arguments in States.Format: the template has 0 {} but 1 values were given");
  }

  @Test
  void stringToJsonAndJsonToString() {
    returns("States.StringToJson($.escapedJsonString)", "{\"escapedJsonString\": \"{\\\"foo\\\": \\\"bar\\\"}\"}",
        "{\"foo\": \"bar\"}");
    returns("States.JsonToString($.unescapedJson)", "{\"unescapedJson\": {\"foo\": \"bar\"}}", "\"{\\\"foo\\\":\\\"bar\\\"}\"");
    returns("States.JsonToString($.o)", "{\"o\": {\"msg\": \"say \\\"hi\\\"\"}}", "\"{\\\"msg\\\":\\\"say \\\\\\\"hi\\\\\\\"\\\"}\"");
  }

  @Test
  void array() {
    returns("States.Array('Foo', 2020, $.someJson, null)", "{\"someJson\": {\"random\": \"abcdefghij\"}}",
        "[\"Foo\", 2020, {\"random\": \"abcdefghij\"}, null]");
  }

  @Test
  void arrayPartition() {
    returns("States.ArrayPartition($.inputArray, 4)", "{\"inputArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}",
        "[[1, 2, 3, 4], [5, 6, 7, 8], [9]]");
  }

  @Test
  void arrayContains() {
    returns("States.ArrayContains($.inputArray, $.lookingFor)", "{\"inputArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"lookingFor\": 5}",
        "true");
    returns("States.ArrayContains($.inputArray, 10)", "{\"inputArray\": [1, 2, 3]}", "false");
  }

  @Test
  void arrayRange() {
    returns("States.ArrayRange(1, 9, 2)", "{}", "[1, 3, 5, 7, 9]");
    returns("States.ArrayRange($.start, 5, 1)", "{\"start\": 1.4}", "[1, 2, 3, 4, 5]");
  }

  @Test
  void arrayGetItemLengthUnique() {
    returns("States.ArrayGetItem($.inputArray, $.index)", "{\"inputArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9], \"index\": 5}", "6");
    returns("States.ArrayLength($.inputArray)", "{\"inputArray\": [1, 2, 3, 4, 5, 6, 7, 8, 9]}", "9");
    returns("States.ArrayUnique($.inputArray)", "{\"inputArray\": [1, 2, 3, 3, 3, 3, 3, 3, 4]}", "[1, 2, 3, 4]");
  }

  @Test
  void base64() {
    returns("States.Base64Encode($.input)", "{\"input\": \"Data to encode\"}", "\"RGF0YSB0byBlbmNvZGU=\"");
    returns("States.Base64Decode($.base64)", "{\"base64\": \"RGF0YSB0byBlbmNvZGU=\"}", "\"Data to encode\"");
  }

  @Test
  void hash() {
    returns("States.Hash($.Data, $.Algorithm)", "{\"Data\": \"input data\", \"Algorithm\": \"SHA-1\"}",
        "\"aaff4a450a104cd177d28d18d74485e8cae074b7\"");
    returns("States.Hash('input data', 'MD5')", "{}", "\"812f45842bc6d66ee14572ce20db8e86\"");
  }

  @Test
  void jsonMergeIsShallowAndLeavesItsArgumentsAlone() {
    returns("States.JsonMerge($.json1, $.json2, false)",
        "{\"json1\": {\"a\": {\"a1\": 1, \"a2\": 2}, \"b\": 2}, \"json2\": {\"a\": {\"a3\": 1, \"a4\": 2}, \"c\": 3}}",
        "{\"a\": {\"a3\": 1, \"a4\": 2}, \"b\": 2, \"c\": 3}");
    String definition = "{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\", \"Parameters\": {"
        + "\"merged.$\": \"States.JsonMerge($.defaults, $.overrides, false)\", \"defaultsAfter.$\": \"$.defaults\"}, \"End\": true}}}";
    assertThat(LocalExecutor.ofJson(definition).run("{\"defaults\": {\"instanceType\": \"t3.micro\"}, \"overrides\": {\"monitoring\": true}}"))
        .hasOutput("{\"merged\": {\"instanceType\": \"t3.micro\", \"monitoring\": true}, \"defaultsAfter\": {\"instanceType\": \"t3.micro\"}}");
  }

  @Test
  void mathRandomStaysInItsRangeAndRepeatsWithASeed() {
    Execution first = call("States.MathRandom($.start, $.end)", "{\"start\": 1, \"end\": 999}");
    int value = first.output().get("v").asInt();
    assertThat(value).isBetween(1, 998);
    assertThat(call("States.MathRandom($.start, $.end)", "{\"start\": 1, \"end\": 999}").output())
        .isEqualTo(first.output());
    assertThat(call("States.MathRandom(1, 999, 1234)", "{}").output())
        .isEqualTo(call("States.MathRandom(1, 999, 1234)", "{}").output());
  }

  @Test
  void mathAddRoundsItsArguments() {
    returns("States.MathAdd($.value1, $.step)", "{\"value1\": 111, \"step\": -1}", "110");
    returns("States.MathAdd($.a, $.b)", "{\"a\": 1.49, \"b\": 1.5}", "3");
  }

  @Test
  void stringSplitSplitsOnEveryDelimiterCharacterAndDropsEmptyTokens() {
    returns("States.StringSplit($.inputString, $.splitter)", "{\"inputString\": \"1,2,3,4,5\", \"splitter\": \",\"}",
        "[\"1\", \"2\", \"3\", \"4\", \"5\"]");
    returns("States.StringSplit($.inputString, $.splitter)", "{\"inputString\": \"This.is+a,test=string\", \"splitter\": \".+,=\"}",
        "[\"This\", \"is\", \"a\", \"test\", \"string\"]");
    returns("States.StringSplit($.s, ',')", "{\"s\": \",,,,\"}", "[]");
  }

  @Test
  void uuidIsAVersion4UuidThatRepeatsWithTheSeed() {
    Execution execution = call("States.UUID()", "{}");
    assertThat(execution.output().get("v").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(call("States.UUID()", "{}").output()).isEqualTo(execution.output());
  }

  @Test
  void misuseFailsWithStatesRuntime() {
    assertThat(call("States.StringToJson($.s)", "{\"s\": \"not json\"}")).failed()
        .hasError("States.Runtime", "Invalid arguments in States.StringToJson: the string is not JSON: not json");
    assertThat(call("States.ArrayLength($.s)", "{\"s\": \"x\"}")).failed()
        .hasError("States.Runtime", "Invalid arguments in States.ArrayLength: argument 1 must be an array, got string");
    assertThat(call("States.JsonMerge($.a, $.a, true)", "{\"a\": {}}")).failed()
        .hasError("States.Runtime", "Invalid arguments in States.JsonMerge: only the shallow merge is supported; pass false as the third argument");
    assertThat(call("States.Format('{} {}', $.a)", "{\"a\": 1}")).failed()
        .hasError("States.Runtime", "Invalid arguments in States.Format: the template has 2 {} but 1 values were given");
  }
}
