package io.statecraft.dsl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesTest {

  @Test
  void pathFieldsQuoteNamesThatAreNotIdentifiers() {
    assertThat(Path.input().fields("detail", "detail-type").expression()).isEqualTo("$.detail['detail-type']");
    assertThat(Path.input().field("it's").expression()).isEqualTo("$['it\\'s']");
    assertThat(Path.input().field("ids").index(0).expression()).isEqualTo("$.ids[0]");
    assertThat(Path.variable("count").field("total").expression()).isEqualTo("$count.total");
    assertThat(Context.taskToken().isContext()).isTrue();
    assertThat(Path.variable("x").isVariable()).isTrue();
    assertThat(Path.of("$.x").isVariable()).isFalse();
  }

  @Test
  void intrinsicsRenderAndParseBack() {
    Intrinsic call = States.format("It's {} of {} \\ {braces}",
        States.arrayLength(Path.of("$.ids")), Value.of(3));

    assertThat(call.render())
        .isEqualTo("States.Format('It\\'s {} of {} \\\\ \\{braces\\}', States.ArrayLength($.ids), 3)");
    assertThat(Intrinsic.parse(call.render())).isEqualTo(call);
  }

  @Test
  void anEscapedBracePairInAFormatTemplateStaysLiteralText() {
    Intrinsic parsed = Intrinsic.parse("States.Format('\\{\\} {} \\\\{} \\'', $.a, $.b)");

    assertThat(parsed.render()).isEqualTo("States.Format('\\{\\} {} \\\\{} \\'', $.a, $.b)");
    assertThat(Intrinsic.formatTemplateTexts(((StringValue) parsed.arguments().get(0)).value()))
        .containsExactly("{} ", " \\", " '");
    assertThat(States.format("\\{\\} {}", Path.of("$.a"))).isEqualTo(Intrinsic.parse("States.Format('\\{\\} {}', $.a)"));
  }

  @Test
  void everyIntrinsicHasATypedHelper() {
    Path a = Path.of("$.a");
    List<Intrinsic> calls = List.of(
        States.format("{}", a), States.stringToJson(a), States.jsonToString(a), States.array(a),
        States.arrayPartition(a, 2), States.arrayContains(a, a), States.arrayRange(1, 9, 2),
        States.arrayGetItem(a, 0), States.arrayLength(a), States.arrayUnique(a), States.base64Encode(a),
        States.base64Decode(a), States.hash(a, States.HashAlgorithm.SHA_256), States.jsonMerge(a, a),
        States.mathRandom(a, a), States.mathAdd(a, 1), States.stringSplit(a, ","), States.uuid());

    assertThat(calls).extracting(c -> c.knownFunction().orElseThrow())
        .containsExactlyInAnyOrder(IntrinsicFunction.values());
    assertThat(States.hash(a, States.HashAlgorithm.SHA_256).render()).isEqualTo("States.Hash($.a, 'SHA-256')");
    assertThat(States.jsonMerge(a, a).render()).isEqualTo("States.JsonMerge($.a, $.a, false)");
  }

  @Test
  void aPlaceholderInAnIntrinsicStringIsLeftForCloudFormation() {
    Intrinsic call = States.stringToJson(Value.of("${MaxPolls}"));

    assertThat(call.render()).isEqualTo("States.StringToJson('${MaxPolls}')");
  }

  @Test
  void malformedIntrinsicsSayWhere() {
    assertThatThrownBy(() -> Intrinsic.parse("States.Format('a', $.b"))
        .hasMessage("missing ) to close States.Format at the end of: States.Format('a', $.b");
    assertThatThrownBy(() -> Intrinsic.parse("States.Format('a)"))
        .hasMessage("string literal is not closed with ' at the end of: States.Format('a)");
  }

  @Test
  void intrinsicPathArgumentsMayHoldCommasInBrackets() {
    Intrinsic call = Intrinsic.parse("States.Array($['a,b'], $.c[0])");

    assertThat(call.arguments()).containsExactly(Path.of("$['a,b']"), Path.of("$.c[0]"));
  }

  @Test
  void payloadKeysNeverCarryTheDollarSuffix() {
    assertThatThrownBy(() -> Json.object().put("Ids.$", Path.of("$.ids")))
        .hasMessage("write the key without .$ (\"Ids\"): a path or intrinsic value adds it by itself");
  }

  @Test
  void jsonataKeepsItsTextExactly() {
    assertThat(Jsonata.of("  $states.input ").render()).isEqualTo("{% $states.input %}");
    assertThat(Jsonata.parse("{%$x%}").render()).isEqualTo("{%$x%}");
    assertThat(Jsonata.parse("{%$x%}").text()).isEqualTo("$x");
  }

  @Test
  void placeholdersAreNamesCloudFormationCanSubstitute() {
    assertThat(Placeholder.string("TopicArn").token()).isEqualTo("${TopicArn}");
    assertThatThrownBy(() -> Placeholder.string("Topic-Arn"))
        .hasMessage("placeholder name must be letters, digits and underscores: Topic-Arn");
  }

  @Test
  void predefinedErrorsAreKnown() {
    assertThat(Errors.isPredefined("States.Timeout")).isTrue();
    assertThat(Errors.isPredefined(Errors.httpStatus(429))).isTrue();
    assertThat(Errors.isPredefined("States.Unknown")).isFalse();
  }
}
