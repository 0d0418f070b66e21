package io.statecraft.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.Path;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Literals of the typed definition become the same JSON data as the definition text would give. */
class LiteralsTest {

  @Test
  void numbersAreTypedAsTheReaderTypesThem() {
    assertThat(Literals.toJson(NumberValue.of(5))).isEqualTo(IntNode.valueOf(5));
    assertThat(Literals.toJson(NumberValue.of(12_345_678_901L))).isEqualTo(LongNode.valueOf(12_345_678_901L));
    assertThat(Literals.toJson(new NumberValue(new BigDecimal("123456789012345678901234567890"))))
        .isEqualTo(BigIntegerNode.valueOf(new java.math.BigInteger("123456789012345678901234567890")));
    assertThat(Literals.toJson(new NumberValue(new BigDecimal("5.0"))))
        .isEqualTo(DecimalNode.valueOf(new BigDecimal("5.0")));
  }

  @Test
  void aPassResultIsTheSameDataAsItsText() {
    String result = "{\"int\":5,\"long\":12345678901,\"decimal\":5.0,\"text\":\"{% not evaluated %}\","
        + "\"list\":[true,null,\"$.not.a.path\"],\"key.$\":\"$.stays\"}";
    Execution execution = LocalExecutor.ofJson("{\"StartAt\": \"P\", \"States\": {\"P\": {\"Type\": \"Pass\","
        + " \"Result\": " + result + ", \"End\": true}}}").run();

    assertThat(execution.outputJson()).isEqualTo(result);
    assertThat(execution.output()).isEqualTo(JsonValues.parse(result, "the expected output"));
  }

  @Test
  void jsonataOutsideAJsonataFieldIsItsTextAndAPathHasNoLiteralValue() {
    assertThat(Literals.toJson(Jsonata.of("$x")).textValue()).isEqualTo("{% $x %}");
    assertThatThrownBy(() -> Literals.toJson(Path.of("$.a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("not a literal value: $.a");
  }
}
