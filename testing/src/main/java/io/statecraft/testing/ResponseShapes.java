package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.SdkResponseClass;
import io.statecraft.asl.Spelling;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;

/**
 * Checks a mock's result against the response class of the AWS SDK for Java 2.x, read through its
 * {@link SdkPojo} fields. Step Functions' AWS SDK integrations are built on that SDK: the service
 * in {@code aws-sdk:<service>:<action>} is the SDK's package name and the result's fields are the
 * response's member names
 * (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
 *
 * <p>Only {@link MockShapes} touches this class, and only when the SDK's core is on the class path.
 */
final class ResponseShapes {

  // What the optimized integrations add to the API's response, as their results in execution
  // histories show ({"MessageId": ..., "SdkHttpMetadata": {...}, "SdkResponseMetadata": {...}}).
  private static final Set<String> OPTIMIZED_METADATA = Set.of("SdkHttpMetadata", "SdkResponseMetadata");

  private ResponseShapes() {}

  /** The response class's simple name and what is wrong with {@code result}; empty when it fits or nothing is known. */
  static Optional<String> problem(String resource, JsonNode result, MockValidation mode) {
    Optional<SdkResponseClass> responseClass = SdkResponseClass.of(resource);
    // Empty when the service's SDK module is not on the test's class path: nothing to check against.
    Optional<Class<?>> response = responseClass.flatMap(found -> found.load(SdkResponseClass.loader()));
    if (response.isEmpty()) {
      return Optional.empty();
    }
    List<SdkField<?>> fields = fieldsOf(response.get());
    if (fields == null) {
      return Optional.empty();
    }
    List<String> problems = new ArrayList<>();
    JsonNode checked = result;
    if (!responseClass.get().sdkIntegration() && result.isObject()) {
      checked = result.deepCopy();
      ((com.fasterxml.jackson.databind.node.ObjectNode) checked).remove(OPTIMIZED_METADATA);
    }
    check("", fields, checked, mode, problems);
    return problems.isEmpty() ? Optional.empty()
        : Optional.of(response.get().getSimpleName() + ": " + String.join("; ", problems));
  }

  // A response class's fields, from the SdkPojo its builder is.
  private static List<SdkField<?>> fieldsOf(Class<?> response) {
    try {
      Object builder = response.getMethod("builder").invoke(null);
      return builder instanceof SdkPojo pojo ? pojo.sdkFields() : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  private static void check(String at, List<SdkField<?>> fields, JsonNode value, MockValidation mode, List<String> problems) {
    if (!value.isObject()) {
      problems.add((at.isEmpty() ? "the result" : "field " + at) + " must be an object, got " + JsonValues.typeName(value));
      return;
    }
    Map<String, SdkField<?>> byName = new LinkedHashMap<>();
    for (SdkField<?> field : fields) {
      // Only what the service returns in its body reaches the result; headers and the status code are the SDK's.
      if (field.location() == MarshallLocation.PAYLOAD) {
        byName.put(field.memberName(), field);
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String path = at.isEmpty() ? entry.getKey() : at + "." + entry.getKey();
      SdkField<?> field = byName.get(entry.getKey());
      if (field == null) {
        problems.add("field " + path + " is not one of " + (at.isEmpty() ? "its" : at + "'s") + " fields"
            + Spelling.nearest(entry.getKey(), byName.keySet()).map(near -> " (did you mean " + near + "?)").orElse(""));
      } else {
        checkValue(path, field, entry.getValue(), mode, problems);
      }
    }
    if (mode == MockValidation.STRICT) {
      byName.forEach((name, field) -> {
        if (field.containsTrait(RequiredTrait.class) && !value.has(name)) {
          problems.add("required field " + (at.isEmpty() ? name : at + "." + name) + " is missing");
        }
      });
    }
  }

  private static void checkValue(String path, SdkField<?> field, JsonNode value, MockValidation mode, List<String> problems) {
    if (value.isNull()) {
      return;
    }
    MarshallingType<?> type = field.marshallingType();
    String expected = null;
    if (type == MarshallingType.STRING || type == MarshallingType.SDK_BYTES) {
      expected = value.isTextual() ? null : "a string";
    } else if (type == MarshallingType.INTEGER || type == MarshallingType.LONG || type == MarshallingType.SHORT
        || type == MarshallingType.BYTE) {
      expected = value.isIntegralNumber() ? null : "an integer";
    } else if (type == MarshallingType.FLOAT || type == MarshallingType.DOUBLE || type == MarshallingType.BIG_DECIMAL) {
      expected = value.isNumber() ? null : "a number";
    } else if (type == MarshallingType.BOOLEAN) {
      expected = value.isBoolean() ? null : "a boolean";
    } else if (type == MarshallingType.INSTANT) {
      expected = value.isTextual() || value.isNumber() ? null : "a timestamp";
    } else if (type == MarshallingType.SDK_POJO) {
      check(path, field.constructor().get().sdkFields(), value, mode, problems);
    } else if (type == MarshallingType.LIST) {
      if (!value.isArray()) {
        expected = "an array";
      } else {
        SdkField<?> member = field.getTrait(ListTrait.class).memberFieldInfo();
        for (int i = 0; i < value.size(); i++) {
          checkValue(path + "[" + i + "]", member, value.get(i), mode, problems);
        }
      }
    } else if (type == MarshallingType.MAP) {
      if (!value.isObject()) {
        expected = "an object";
      } else {
        SdkField<?> member = field.getTrait(MapTrait.class).valueFieldInfo();
        value.fields().forEachRemaining(entry -> checkValue(path + "." + entry.getKey(), member, entry.getValue(), mode, problems));
      }
    }
    if (expected != null) {
      problems.add("field " + path + " must be " + expected + ", got " + JsonValues.typeName(value));
    }
  }
}
