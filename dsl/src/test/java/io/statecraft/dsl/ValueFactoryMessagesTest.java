package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

/** The value factories refuse broken text where it is written, naming the problem and the line. */
class ValueFactoryMessagesTest {

  private static final String HERE = "io/statecraft/dsl/ValueFactoryMessagesTest.java:";

  @Test
  void aPathWithABracketNeverClosed() {
    Throwable thrown = catchThrowable(() -> Path.of("$.foo..["));
    int line = lineAbove();

    assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Path.of(\"$.foo..[\"): the '[' at position 7 is never closed (at " + HERE + line + ")");
  }

  @Test
  void pathMistakes() {
    assertThat(pathProblem("$.foo.")).isEqualTo("Path.of(\"$.foo.\"): '.' at position 5 is not followed by a field name");
    assertThat(pathProblem("$.items[]")).isEqualTo(
        "Path.of(\"$.items[]\"): the brackets at position 7 are empty; write a field name in quotes, an index or *");
    assertThat(pathProblem("$['name]")).isEqualTo("Path.of(\"$['name]\"): the quote ' at position 2 is never closed");
    assertThat(pathProblem("$.a]")).isEqualTo("Path.of(\"$.a]\"): ']' at position 3 closes nothing");
    assertThat(pathProblem("$ids x")).isEqualTo(
        "Path.of(\"$ids x\"): ' ' at position 4 follows no '.' or '['; write .name or ['name']");
    assertThat(pathProblem("detail.id")).isEqualTo(
        "Path.of(\"detail.id\"): a path starts with $ (the input), $$ (the context object) or $name (a variable)");
  }

  @Test
  void pathsThatAreFine() {
    for (String path : new String[] {"$", "$$.Execution.Id", "$ids[0]", "$.a..b", "$..[0]", "$.list[*].id",
        "$.items[?(@.price < 10)]", "$['a b']['c']", "$.items.length()", "$.x[0:2]", "${Root}", "$.${Field}"}) {
      assertThat(Path.of(path).expression()).isEqualTo(path);
    }
  }

  @Test
  void aJsonataExpressionWithAParenthesisNeverClosed() {
    Throwable thrown = catchThrowable(() -> Jsonata.of("$count($ids"));
    int line = lineAbove();

    assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class)
        .hasMessage("Jsonata.of(\"$count($ids\"): the '(' at position 6 is never closed (at " + HERE + line + ")");
  }

  @Test
  void jsonataMistakes() {
    assertThat(jsonataProblem("{% $x %}")).isEqualTo(
        "Jsonata.of(\"{% $x %}\"): write the expression without its {% %}, which the definition adds");
    assertThat(jsonataProblem(" ")).isEqualTo("Jsonata.of(\" \"): the expression is empty");
    assertThat(jsonataProblem("'a' & \"b")).isEqualTo("Jsonata.of(\"'a' & \"b\"): the quote \" at position 6 is never closed");
    assertThat(jsonataProblem("$a[0)")).isEqualTo(
        "Jsonata.of(\"$a[0)\"): ')' at position 4 closes nothing; the '[' at position 2 is still open");
  }

  @Test
  void jsonataExpressionsThatAreFine() {
    for (String expression : new String[] {"$count($ids) > 0", "{'a': [1, 2]}", "$match($s, /\\(x/)",
        "$x / 2", "'(' & \")\"", "/* note ( */ $x", "$states.input.items ~> $map(function($v) { $v * 2 })"}) {
      assertThat(Jsonata.of(expression).text()).isEqualTo(expression);
    }
  }

  private static String pathProblem(String text) {
    return withoutLine(catchThrowable(() -> Path.of(text)));
  }

  private static String jsonataProblem(String text) {
    return withoutLine(catchThrowable(() -> Jsonata.of(text)));
  }

  private static String withoutLine(Throwable thrown) {
    assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
    return thrown.getMessage().replaceFirst(" \\(at " + HERE + "\\d+\\)$", "");
  }

  private static int lineAbove() {
    return new Throwable().getStackTrace()[1].getLineNumber() - 1;
  }
}
