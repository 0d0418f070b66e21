package io.statecraft.aws;

import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Objects;

/**
 * Text that stands for a run-time or deploy-time value inside an SDK request builder, where only
 * a {@code String} (or a list) fits: {@code .instanceIds(AwsSdk.list(Path.input().field("ids")))}.
 *
 * <p>The value itself is written into the token, so no registry is kept and the same value always
 * gives the same token. A NUL character starts every token: it cannot occur in a real parameter of
 * an AWS API (they are JSON or XML text) and so cannot be mistaken for one.
 */
final class DynamicTokens {

  private static final String START = "\u0000statecraft:";
  private static final String LIST = "\u0000statecraft-list:";

  private DynamicTokens() {}

  /** The token for one value: a path, an intrinsic, a JSONata expression or a placeholder. */
  static String token(Value value) {
    Objects.requireNonNull(value, "value == null");
    if (value instanceof Path path) {
      return START + "P:" + path.expression();
    }
    if (value instanceof Intrinsic call) {
      return START + "I:" + call.render();
    }
    if (value instanceof Jsonata expression) {
      return START + "J:" + expression.expression();
    }
    if (value instanceof Placeholder placeholder) {
      return START + "H:" + placeholder.kind() + ":" + placeholder.name();
    }
    throw new IllegalArgumentException(
        "only a Path, an Intrinsic, a Jsonata expression or a Placeholder can stand for a member; "
            + "give a literal directly to the SDK builder: " + value);
  }

  /** A one-element list whose element stands for the whole list member. */
  static List<String> listToken(Value value) {
    return List.of(LIST + token(value).substring(START.length()));
  }

  static boolean isToken(Object value) {
    return value instanceof String text && text.startsWith(START);
  }

  /** The value a whole-list token stands for, or null when {@code list} is not one. */
  static Value listValue(List<?> list) {
    if (list.size() == 1 && list.get(0) instanceof String text && text.startsWith(LIST)) {
      return decode(text.substring(LIST.length()));
    }
    return null;
  }

  /** Whether a list holds a whole-list token among other items, which is a mistake. */
  static boolean containsListToken(List<?> list) {
    return list.stream().anyMatch(item -> item instanceof String text && text.startsWith(LIST));
  }

  static Value value(String token) {
    return decode(token.substring(START.length()));
  }

  private static Value decode(String body) {
    String kind = body.substring(0, 2);
    String rest = body.substring(2);
    switch (kind) {
      case "P:":
        return Path.of(rest);
      case "I:":
        return Intrinsic.parse(rest);
      case "J:":
        return new Jsonata(rest);
      case "H:":
        int colon = rest.indexOf(':');
        return new Placeholder(rest.substring(colon + 1), Placeholder.Kind.valueOf(rest.substring(0, colon)));
      default:
        throw new IllegalStateException("not a Statecraft token: " + body);
    }
  }
}
