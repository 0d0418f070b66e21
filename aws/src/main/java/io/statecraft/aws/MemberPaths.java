package io.statecraft.aws;

import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingKnownType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Member paths such as {@code Filters[0].Values}: member names as Step Functions writes them, list
 * indexes in brackets, map keys as names. Every step is checked against the SDK's model, so a
 * misspelled member fails when the workflow is built, naming the members that exist.
 */
final class MemberPaths {

  private static final Pattern STEP = Pattern.compile("([A-Za-z0-9_:@/-]+)|\\[(\\d+)]");

  private MemberPaths() {}

  /** One step of a path: a member name (or map key), or a list index. */
  record Step(String name, int index) {
    boolean isIndex() {
      return name == null;
    }

    @Override
    public String toString() {
      return isIndex() ? "[" + index + "]" : name;
    }
  }

  static List<Step> parse(String path) {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a member path names a member, such as Filters[0].Values; got: " + path);
    }
    List<Step> steps = new ArrayList<>();
    int pos = 0;
    while (pos < path.length()) {
      boolean dotted = pos > 0 && path.charAt(pos) == '.';
      if (dotted) {
        pos++;
      }
      Matcher m = STEP.matcher(path).region(pos, path.length());
      if (!m.lookingAt() || (pos > 0 && m.group(1) != null && !dotted)) {
        throw new IllegalArgumentException("cannot read member path \"" + path + "\" at position " + pos
            + ": write member names separated by dots and list indexes in brackets, such as Filters[0].Values");
      }
      steps.add(m.group(1) != null ? new Step(m.group(1), -1) : new Step(null, Integer.parseInt(m.group(2))));
      pos = m.end();
    }
    return steps;
  }

  static String render(List<Step> steps) {
    StringBuilder text = new StringBuilder();
    for (Step step : steps) {
      if (!step.isIndex() && text.length() > 0) {
        text.append('.');
      }
      text.append(step);
    }
    return text.toString();
  }

  /**
   * {@code payload} with the member at {@code path} set to {@code value}; structures and list
   * items on the way are created when missing (a list index may be one past the end, to append).
   */
  static ObjectValue set(ObjectValue payload, SdkPojo model, String path, Value value, String operation,
      boolean jsonInStrings) {
    List<Step> steps = parse(path);
    return (ObjectValue) setIn(payload, Node.of(model), steps, 0, value, path, operation, jsonInStrings);
  }

  /** What the model says a position holds: a structure, or a member's value. */
  private record Node(SdkPojo structure, SdkField<?> field) {
    static Node of(SdkPojo structure) {
      return new Node(structure, null);
    }

    static Node of(SdkField<?> field) {
      if (field.marshallingType().getKnownType() == MarshallingKnownType.SDK_POJO
          && !field.containsTrait(ListTrait.class) && !field.containsTrait(MapTrait.class)
          && field.constructor() != null) {
        return new Node(field.constructor().get(), null);
      }
      return new Node(null, field);
    }
  }

  private static Value setIn(Value current, Node node, List<Step> steps, int i, Value value, String path,
      String operation, boolean jsonInStrings) {
    if (i == steps.size()) {
      checkType(node, value, path, operation, jsonInStrings);
      return value;
    }
    Step step = steps.get(i);
    String at = render(steps.subList(0, i + 1));
    if (node.structure() != null) {
      if (step.isIndex()) {
        throw new IllegalArgumentException(operation + ": " + render(steps.subList(0, i))
            + " is a structure, not a list, so " + at + " names nothing; write a member name after it");
      }
      Map<String, SdkField<?>> fields = SdkJson.fieldsByName(node.structure());
      SdkField<?> field = fields.get(step.name());
      if (field == null) {
        throw new IllegalArgumentException(operation + ": no member " + at + " in \"" + path + "\"; "
            + (i == 0 ? "the request" : render(steps.subList(0, i))) + " has " + String.join(", ", fields.keySet()));
      }
      ObjectValue object = asObject(current, at, operation);
      Value inner = setIn(object.get(step.name()), Node.of(field), steps, i + 1, value, path, operation, jsonInStrings);
      return inModelOrder(object.with(step.name(), inner), fields);
    }
    SdkField<?> field = node.field();
    if (field.containsTrait(ListTrait.class)) {
      if (!step.isIndex()) {
        throw new IllegalArgumentException(operation + ": " + render(steps.subList(0, i))
            + " is a list, so write an index such as [0] before ." + step.name());
      }
      List<Value> items = new ArrayList<>(asArray(current, render(steps.subList(0, i)), operation).items());
      if (step.index() > items.size()) {
        throw new IllegalArgumentException(operation + ": " + at + " is past the end of a list of "
            + items.size() + " items; the index may be at most " + items.size() + " (to add one)");
      }
      Value old = step.index() < items.size() ? items.get(step.index()) : null;
      Value inner = setIn(old, Node.of(field.getTrait(ListTrait.class).memberFieldInfo()), steps, i + 1, value,
          path, operation, jsonInStrings);
      if (step.index() < items.size()) {
        items.set(step.index(), inner);
      } else {
        items.add(inner);
      }
      return new ArrayValue(items);
    }
    if (field.containsTrait(MapTrait.class)) {
      if (step.isIndex()) {
        throw new IllegalArgumentException(operation + ": " + render(steps.subList(0, i))
            + " is a map, so write a key after a dot, not " + step);
      }
      ObjectValue object = asObject(current, at, operation);
      Value inner = setIn(object.get(step.name()), Node.of(field.getTrait(MapTrait.class).valueFieldInfo()), steps,
          i + 1, value, path, operation, jsonInStrings);
      return object.with(step.name(), inner);
    }
    throw new IllegalArgumentException(operation + ": " + render(steps.subList(0, i)) + " is a "
        + field.marshallingType().getTargetClass().getSimpleName() + ", which has no members, so \"" + path
        + "\" names nothing");
  }

  /**
   * Refuses a literal of the wrong JSON type for the member (a string for a number, ...): the
   * service would refuse it at run time. Run-time and deploy-time values are not checked.
   */
  private static void checkType(Node node, Value value, String path, String operation, boolean jsonInStrings) {
    if (value instanceof Path || value instanceof Intrinsic || value instanceof Jsonata || value instanceof Placeholder
        || value instanceof NullValue) {
      return;
    }
    String wanted;
    boolean fits;
    if (node.structure() != null) {
      wanted = "a structure (an object)";
      fits = value instanceof ObjectValue;
    } else {
      MarshallingKnownType type = node.field().marshallingType().getKnownType();
      switch (type == null ? MarshallingKnownType.DOCUMENT : type) {
        case STRING:
        case INSTANT:
        case SDK_BYTES:
          wanted = jsonInStrings ? "a string, or JSON that this integration sends as text" : "a string";
          fits = value instanceof StringValue
              || (jsonInStrings && (value instanceof ObjectValue || value instanceof ArrayValue));
          break;
        case INTEGER:
        case LONG:
        case SHORT:
        case BYTE:
        case FLOAT:
        case DOUBLE:
        case BIG_DECIMAL:
          wanted = "a number";
          fits = value instanceof NumberValue;
          break;
        case BOOLEAN:
          wanted = "a boolean";
          fits = value instanceof BooleanValue;
          break;
        case LIST:
          wanted = "a list";
          fits = value instanceof ArrayValue;
          break;
        case MAP:
          wanted = "a map (an object)";
          fits = value instanceof ObjectValue;
          break;
        default:
          return;
      }
    }
    if (!fits) {
      throw new IllegalArgumentException(operation + ": " + path + " takes " + wanted + ", not " + value
          + "; give a literal of that type, or a Path, intrinsic or JSONata expression computed at run time");
    }
  }

  // Members keep the model's order whichever way they were set, so the output does not depend on
  // the order of with(...) calls.
  private static ObjectValue inModelOrder(ObjectValue object, Map<String, SdkField<?>> fields) {
    Map<String, Value> ordered = new LinkedHashMap<>();
    for (String name : fields.keySet()) {
      if (object.get(name) != null) {
        ordered.put(name, object.get(name));
      }
    }
    return new ObjectValue(ordered);
  }

  private static ObjectValue asObject(Value current, String at, String operation) {
    if (current == null || current instanceof NullValue) {
      return new ObjectValue(new LinkedHashMap<>());
    }
    if (current instanceof ObjectValue object) {
      return object;
    }
    throw new IllegalArgumentException(operation + ": the value holding " + at + " is already set as a whole ("
        + current + "), so one of its members cannot be set as well");
  }

  private static ArrayValue asArray(Value current, String at, String operation) {
    if (current == null || current instanceof NullValue) {
      return new ArrayValue(List.of());
    }
    if (current instanceof ArrayValue array) {
      return array;
    }
    throw new IllegalArgumentException(operation + ": the list " + at + " is already set as a whole ("
        + current + "), so one of its items cannot be set as well");
  }
}
