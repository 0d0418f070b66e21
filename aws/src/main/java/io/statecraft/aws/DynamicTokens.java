package io.statecraft.aws;

import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.Value;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.utils.builder.SdkBuilder;

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

  /**
   * A one-element list of {@code itemType} standing for the whole list: a String token, or a
   * structure whose first string member holds the token.
   */
  static <T> List<T> listToken(Class<T> itemType, Value value) {
    Objects.requireNonNull(itemType, "itemType == null");
    String token = listToken(value).get(0);
    if (itemType == String.class) {
      return List.of(itemType.cast(token));
    }
    if (SdkPojo.class.isAssignableFrom(itemType)) {
      SdkPojo builder;
      try {
        builder = (SdkPojo) itemType.getMethod("builder").invoke(null);
      } catch (ReflectiveOperationException | ClassCastException e) {
        throw new IllegalArgumentException(itemType.getName() + " is not an SDK structure with a builder()", e);
      }
      for (SdkField<?> field : builder.sdkFields()) {
        if (field.marshallingType().getKnownType() == MarshallingKnownType.STRING) {
          field.set(builder, token);
          return List.of(itemType.cast(((SdkBuilder<?, ?>) builder).build()));
        }
      }
      throw new IllegalArgumentException(itemType.getSimpleName() + " has no string member to carry the value; "
          + "set the list with SdkCall.with(member, value)");
    }
    throw new IllegalArgumentException("a list of " + itemType.getSimpleName() + " cannot carry a run-time value "
        + "through the SDK's builder; set the member with SdkCall.with(member, value) instead");
  }

  /** The value a structure standing for a whole list carries, or null when it is a real item. */
  static Value listValue(SdkPojo item) {
    for (SdkField<?> field : item.sdkFields()) {
      if (field.marshallingType().getKnownType() == MarshallingKnownType.STRING
          && field.getValueOrDefault(item) instanceof String text && text.startsWith(LIST)) {
        return decode(text.substring(LIST.length()));
      }
    }
    return null;
  }

  static boolean isToken(Object value) {
    return value instanceof String text && text.startsWith(START);
  }

  /** The value a whole-list token stands for, or null when {@code list} is not one. */
  static Value listValue(List<?> list) {
    if (list.size() == 1 && list.get(0) instanceof String text && text.startsWith(LIST)) {
      return decode(text.substring(LIST.length()));
    }
    if (list.size() == 1 && list.get(0) instanceof SdkPojo item) {
      return listValue(item);
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
