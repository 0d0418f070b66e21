package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.DefaultValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes SDK model objects as Step Functions expects their parameters: the SDK's own member names
 * in Pascal case, nested structures and lists as JSON, members never set left out.
 *
 * <p>Everything is read through the SDK's {@link SdkField} descriptions, which the SDK generates
 * from the same service models the APIs are built from; there is no table of names here.
 */
final class SdkJson {

  private SdkJson() {}

  /**
   * The parameter name Step Functions uses for a member: the model's member name in Pascal case.
   * A member named {@code Equals} is {@code EqualsValue}, as the Step Functions guide says ("API
   * fields for equals will be referred to in your state machines as EqualsValue"), because the
   * SDK for Java cannot name a property {@code equals}.
   */
  static String name(SdkField<?> field) {
    String member = field.memberName();
    String pascal = Character.toUpperCase(member.charAt(0)) + member.substring(1);
    return pascal.equals("Equals") ? "EqualsValue" : pascal;
  }

  /** The fields of a structure by their Step Functions names, in model order. */
  static Map<String, SdkField<?>> fieldsByName(SdkPojo pojo) {
    Map<String, SdkField<?>> fields = new LinkedHashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      fields.put(name(field), field);
    }
    return fields;
  }

  /** A structure, with the members that are set. */
  static ObjectValue object(SdkPojo pojo, String where) {
    Map<String, Value> fields = new LinkedHashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object raw = field.getValueOrDefault(pojo);
      if (raw != null && field.containsTrait(DefaultValueTrait.class) && !raw.equals(field.getValueOrDefault(pojo))) {
        // An idempotency token the SDK makes up afresh on each read (ECS RunTask's ClientToken):
        // unset, so left out, and the service's SDK makes one per call as it should.
        continue;
      }
      String name = name(field);
      Value value = value(field, raw, where.isEmpty() ? name : where + "." + name);
      if (value != null) {
        fields.put(name, value);
      }
    }
    return new ObjectValue(fields);
  }

  /** A member's value, or null when it is not set (absent, or a list or map never touched). */
  static Value value(SdkField<?> field, Object raw, String where) {
    if (raw == null || raw instanceof SdkAutoConstructList || raw instanceof SdkAutoConstructMap) {
      return null;
    }
    if (DynamicTokens.isToken(raw)) {
      return DynamicTokens.value((String) raw);
    }
    MarshallingKnownType type = field.marshallingType().getKnownType();
    if (type == null) {
      throw new IllegalArgumentException(where + ": the SDK gives no JSON form for "
          + raw.getClass().getName() + "; set this member with .with(\"" + where + "\", value)");
    }
    switch (type) {
      case STRING:
        return new StringValue((String) raw);
      case INTEGER:
      case LONG:
      case SHORT:
      case BYTE:
        return new NumberValue(BigDecimal.valueOf(((Number) raw).longValue()));
      case FLOAT:
      case DOUBLE:
        return new NumberValue(new BigDecimal(raw.toString()));
      case BIG_DECIMAL:
        return new NumberValue((BigDecimal) raw);
      case BOOLEAN:
        return BooleanValue.of((Boolean) raw);
      case INSTANT:
        // ISO-8601, which the SDK integrations read for timestamp members.
        return new StringValue(DateTimeFormatter.ISO_INSTANT.format((Instant) raw));
      case SDK_BYTES:
        // Blobs (a Lambda payload, an SQS body) are written as their UTF-8 text.
        return new StringValue(((SdkBytes) raw).asUtf8String());
      case SDK_POJO:
        return object((SdkPojo) raw, where);
      case LIST:
        return list(field, (List<?>) raw, where);
      case MAP:
        return map(field, (Map<?, ?>) raw, where);
      case DOCUMENT:
        return document((Document) raw);
      default:
        throw new IllegalArgumentException(where + ": cannot write a " + type + " member; set it with .with(\""
            + where + "\", value)");
    }
  }

  private static Value list(SdkField<?> field, List<?> raw, String where) {
    Value whole = DynamicTokens.listValue(raw);
    if (whole != null) {
      return whole;
    }
    if (DynamicTokens.containsListToken(raw)) {
      throw new IllegalArgumentException(where + ": AwsSdk.list(value) stands for the whole list, so it must be "
          + "its only item; for one dynamic item among others use AwsSdk.text(value)");
    }
    SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
    List<Value> items = new ArrayList<>(raw.size());
    for (int i = 0; i < raw.size(); i++) {
      Value item = value(member, raw.get(i), where + "[" + i + "]");
      items.add(item == null ? NullValue.INSTANCE : item);
    }
    return new ArrayValue(items);
  }

  // Map members are written in key order: an SDK map has no order of its own (Map.of iterates in
  // an order that changes from one JVM to the next), and the definition must not change with it.
  private static Value map(SdkField<?> field, Map<?, ?> raw, String where) {
    SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
    Map<String, Value> entries = new LinkedHashMap<>();
    for (Map.Entry<?, ?> entry : new TreeMap<>(raw).entrySet()) {
      Value value = value(member, entry.getValue(), where + "." + entry.getKey());
      entries.put(String.valueOf(entry.getKey()), value == null ? NullValue.INSTANCE : value);
    }
    return new ObjectValue(entries);
  }

  private static Value document(Document document) {
    if (document.isNull()) {
      return NullValue.INSTANCE;
    }
    if (document.isString()) {
      String text = document.asString();
      return DynamicTokens.isToken(text) ? DynamicTokens.value(text) : new StringValue(text);
    }
    if (document.isNumber()) {
      return new NumberValue(document.asNumber().bigDecimalValue());
    }
    if (document.isBoolean()) {
      return BooleanValue.of(document.asBoolean());
    }
    if (document.isList()) {
      List<Value> items = new ArrayList<>();
      for (Document item : document.asList()) {
        items.add(document(item));
      }
      return new ArrayValue(items);
    }
    Map<String, Value> fields = new LinkedHashMap<>();
    for (Map.Entry<String, Document> field : document.asMap().entrySet()) {
      fields.put(field.getKey(), document(field.getValue()));
    }
    return new ObjectValue(fields);
  }

  /** The structure a member holds, for a member that is a structure (or a list or map of them). */
  static Optional<SdkPojo> emptyStructure(SdkField<?> field) {
    SdkField<?> element = elementField(field);
    if (element.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO && element.constructor() != null) {
      return Optional.of(element.constructor().get());
    }
    return Optional.empty();
  }

  /** The field describing one element of a list or one value of a map; the field itself otherwise. */
  static SdkField<?> elementField(SdkField<?> field) {
    if (field.containsTrait(ListTrait.class)) {
      return field.getTrait(ListTrait.class).memberFieldInfo();
    }
    if (field.containsTrait(MapTrait.class)) {
      return field.getTrait(MapTrait.class).valueFieldInfo();
    }
    return field;
  }
}
