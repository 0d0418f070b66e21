package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.IntrinsicFunction;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Value;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The reads of one state checked against what its input (or result) is known to be like:
 * FIELD_NOT_IN_INPUT and UNKNOWN_RESULT_FIELD for a field that cannot be there, TYPE_MISMATCH for
 * a choice comparison or an intrinsic function given a value of a type it does not take. While
 * the analysis is still looking for its fixed point it uses {@link #SILENT}, which reports
 * nothing: only the final inputs are checked.
 */
final class ShapeChecks {

  static final ShapeChecks SILENT = new ShapeChecks(null, new NameAsIs());

  // Classes and plain loops, no lambdas or streams: this runs once per cold JVM on every generate,
  // where each lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final class NameAsIs implements Function<String, String> {
    @Override
    public String apply(String name) {
      return name;
    }
  }

  /** Fields holding a path into the effective input that the state's own flow does not read. */
  private static final List<String> PATH_FIELDS = List.of("TimeoutSecondsPath", "HeartbeatSecondsPath",
      "SecondsPath", "TimestampPath", "ErrorPath", "CausePath", "MaxConcurrencyPath", "ToleratedFailureCountPath",
      "ToleratedFailurePercentagePath");

  /** The most fields a message lists; an AWS SDK structure can have dozens. */
  private static final int MAX_LISTED = 10;

  private static final String MAP_ITEM = "$$.Map.Item.Value";

  private final Problems problems;
  private final Function<String, String> stateName;

  /**
   * @param problems where to report; null to report nothing
   * @param stateName a state's name as messages show it (with its Java line when known)
   */
  ShapeChecks(Problems problems, Function<String, String> stateName) {
    this.problems = problems;
    this.stateName = stateName;
  }

  /** Reads a JSONPath from {@code from}; reports a field that cannot be there; returns what it finds. */
  Shape read(Shape from, String text, String pointer, String container) {
    Optional<ReadPath> path = ReadPath.parse(text);
    if (path.isEmpty() || path.get().root() != ReadPath.Root.INPUT || path.get().steps().isEmpty()) {
      return Shape.UNKNOWN;
    }
    return follow(from, path.get().steps().get(), false, "'" + text + "'", pointer, container);
  }

  /** A {@code .$} value: a path, a path into the Map item, or an intrinsic call. */
  Shape dynamic(FlowGraph.State state, String text, String pointer, Shape source, Shape mapItem, String container) {
    if (Intrinsic.looksLikeCall(text)) {
      try {
        return call(state, Intrinsic.parse(text.strip()), pointer, source, mapItem, container);
      } catch (IllegalArgumentException e) {
        return Shape.UNKNOWN; // reported by the path rules
      }
    }
    if (mapItem != null && text.startsWith(MAP_ITEM)) {
      Optional<ReadPath> path = ReadPath.parse("$" + text.substring(MAP_ITEM.length()));
      if (path.isPresent() && path.get().steps().isPresent()) {
        return follow(mapItem, path.get().steps().get(), false, "'" + text + "'", pointer,
            "the current item of " + state.name);
      }
      return Shape.UNKNOWN;
    }
    return read(source, text, pointer, container);
  }

  private Shape call(FlowGraph.State state, Intrinsic call, String pointer, Shape source, Shape mapItem,
      String container) {
    Optional<IntrinsicFunction> function = call.knownFunction();
    List<Value> arguments = call.arguments();
    for (int i = 0; i < arguments.size(); i++) {
      Value argument = arguments.get(i);
      Shape shape;
      String shown;
      if (argument instanceof Intrinsic nested) {
        shape = call(state, nested, pointer, source, mapItem, container);
        shown = nested.render();
      } else if (argument instanceof Path path) {
        shape = dynamic(state, path.expression(), pointer, source, mapItem, container);
        shown = "'" + path.expression() + "'";
      } else {
        continue;
      }
      Shape.Kind expected = function.isPresent() ? IntrinsicTypes.argument(function.get(), i) : null;
      if (expected != null && shape.isKnown() && shape.kind() != expected) {
        warn(ProblemCode.TYPE_MISMATCH, pointer, call.function() + " takes " + expected.described() + " as argument "
            + (i + 1) + ", but " + shown + " is " + shape.kind().described() + " here" + detail(shape)
            + ", so the call fails with States.Runtime; pass " + expected.described());
      }
    }
    if (function.isPresent()) {
      Shape result = IntrinsicTypes.result(function.get());
      if (result != null) {
        return result;
      }
    }
    return Shape.UNKNOWN;
  }

  /** The {@code *Path} fields read from the effective input (other than InputPath, ItemsPath, OutputPath). */
  void pathFields(FlowGraph.State state, Shape effective) {
    for (String field : PATH_FIELDS) {
      JsonNode value = state.get(field);
      if (value != null && value.isTextual()) {
        dynamic(state, value.textValue(), state.pointer(field), effective, null, "the input of " + state.name);
      }
    }
  }

  /** A Choice state's rules: the values compared, and whether the operator takes their type. */
  void choiceRules(FlowGraph.State state, Shape effective) {
    JsonNode rules = state.is("Choice") ? state.get("Choices") : null;
    for (int i = 0; rules != null && i < rules.size(); i++) {
      choiceRule(state, rules.get(i), JsonPointers.child(state.pointer("Choices"), i), effective);
    }
  }

  private void choiceRule(FlowGraph.State state, JsonNode rule, String pointer, Shape effective) {
    for (String combinator : List.of("And", "Or")) {
      JsonNode inner = rule.get(combinator);
      for (int i = 0; inner != null && i < inner.size(); i++) {
        choiceRule(state, inner.get(i), JsonPointers.child(JsonPointers.child(pointer, combinator), i), effective);
      }
    }
    if (rule.has("Not")) {
      choiceRule(state, rule.get("Not"), JsonPointers.child(pointer, "Not"), effective);
    }
    String container = "the input of " + state.name;
    for (Iterator<Map.Entry<String, JsonNode>> it = rule.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (field.getKey().endsWith("Path") && field.getValue().isTextual()) {
        read(effective, field.getValue().textValue(), JsonPointers.child(pointer, field.getKey()), container);
      }
    }
    JsonNode variable = rule.get("Variable");
    if (variable == null || !variable.isTextual()) {
      return;
    }
    Shape compared = read(effective, variable.textValue(), JsonPointers.child(pointer, "Variable"), container);
    for (Iterator<String> it = rule.fieldNames(); it.hasNext(); ) {
      String operator = it.next();
      Shape.Kind expected = IntrinsicTypes.comparedBy(operator);
      if (expected != null && compared.isKnown() && compared.kind() != expected) {
        warn(ProblemCode.TYPE_MISMATCH, JsonPointers.child(pointer, operator), operator + " compares '"
            + variable.textValue() + "', which is " + compared.kind().described() + " here" + detail(compared)
            + ", not " + expected.described() + ", so this rule never matches; compare a value that is "
            + expected.described() + " here, or test its type first with Is" + IntrinsicTypes.typeTest(expected));
      }
    }
  }

  /** Every {@code $states.<root>} chain in the state's JSONata expressions, read from {@code from}. */
  void jsonataReads(FlowGraph.State state, Shape from, String root) {
    for (Iterator<Map.Entry<String, JsonNode>> it = state.node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!Set.of("Branches", "ItemProcessor", "Iterator", "Comment").contains(field.getKey())) {
        jsonataStrings(state, field.getValue(), state.pointer(field.getKey()), from, root);
      }
    }
  }

  /** {@code $states.result} chains in the state's own Output and Assign. */
  void jsonataResultReads(FlowGraph.State state, Shape result) {
    for (String field : List.of("Output", "Assign")) {
      JsonNode value = state.get(field);
      if (value != null) {
        jsonataStrings(state, value, state.pointer(field), result, "result");
      }
    }
  }

  private void jsonataStrings(FlowGraph.State state, JsonNode value, String pointer, Shape from, String root) {
    if (value.isTextual()) {
      JsonataText expression = JsonataText.ofTemplate(value.textValue());
      if (expression == null) {
        return;
      }
      for (JsonataText.Chain chain : expression.chains(root)) {
        List<ReadPath.Step> steps = new ArrayList<>(chain.names().size());
        for (String name : chain.names()) {
          steps.add(ReadPath.Step.field(name));
        }
        String shown = "'$states." + root + (chain.names().isEmpty() ? "" : "." + String.join(".", chain.names())) + "'";
        Shape found = follow(from, steps, true, shown, pointer, "the " + root + " of " + state.name);
        Shape.Kind expected = chain.function() == null ? null : IntrinsicTypes.jsonataArgument(chain.function());
        // An array is left alone: JSONata reads a one-item sequence as its item.
        if (expected != null && found.isKnown() && found.kind() != expected && found.kind() != Shape.Kind.ARRAY
            && found.kind() != Shape.Kind.NULL) {
          warn(ProblemCode.TYPE_MISMATCH, pointer, "$" + chain.function() + " takes " + expected.described()
              + ", but " + shown + " is " + found.kind().described() + " here" + detail(found)
              + ", so the expression fails (JSONata error T0410); pass " + expected.described());
        }
      }
    } else if (value.isContainerNode()) {
      Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
      if (value.isArray()) {
        for (int i = 0; i < value.size(); i++) {
          jsonataStrings(state, value.get(i), JsonPointers.child(pointer, i), from, root);
        }
      }
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        jsonataStrings(state, field.getValue(), JsonPointers.child(pointer, field.getKey()), from, root);
      }
    }
  }

  private Shape follow(Shape from, List<ReadPath.Step> steps, boolean mapsOverArrays, String shown, String pointer,
      String container) {
    Lookup lookup = Lookup.follow(from, steps, mapsOverArrays);
    if (lookup.isMissing()) {
      reportMissing(lookup, steps, shown, pointer, container);
    }
    return lookup.found();
  }

  private void reportMissing(Lookup lookup, List<ReadPath.Step> steps, String shown, String pointer,
      String container) {
    String field = steps.get(lookup.missingAt()).field();
    Shape object = lookup.container();
    String which = lookup.missingAt() == 0 ? container : "'" + ReadPath.written(steps, lookup.missingAt()) + "'";
    Optional<String> nearest = Spelling.nearest(field, object.fields().keySet());
    String suggestion = nearest.isPresent() ? "; did you mean '" + nearest.get() + "'?" : "";
    if (object.fromSdk()) {
      String model = object.origins().iterator().next().sdkModel();
      warn(ProblemCode.UNKNOWN_RESULT_FIELD, pointer, shown + " reads " + field + ", which " + which
          + " cannot have: it is " + origins(object) + ", an AWS SDK " + model + ", and that has no member "
          + field + suggestion + listed(object, nearest.isEmpty()));
    } else {
      warn(ProblemCode.FIELD_NOT_IN_INPUT, pointer, shown + " reads " + field + ", which " + which
          + " cannot have: " + origins(object) + "; it has " + fieldList(object) + suggestion);
    }
  }

  private static String listed(Shape object, boolean wanted) {
    return wanted ? " (its members: " + fieldList(object) + ")" : "";
  }

  private String origins(Shape object) {
    Set<String> described = new LinkedHashSet<>();
    for (Origin origin : object.origins()) {
      described.add(origin.describe(stateName));
    }
    return String.join(" and ", described);
  }

  private static String fieldList(Shape object) {
    if (object.fields().isEmpty()) {
      return "no fields";
    }
    List<String> names = new ArrayList<>(object.fields().keySet());
    if (names.size() > MAX_LISTED) {
      return names.size() + " fields, " + String.join(", ", names.subList(0, MAX_LISTED)) + ", ...";
    }
    return "only " + String.join(", ", names);
  }

  // What a message says besides the type: for an object, why it is one.
  private String detail(Shape shape) {
    return shape.isObject() && !shape.open() ? " (" + origins(shape) + "; it has " + fieldList(shape) + ")" : "";
  }

  private void warn(ProblemCode code, String pointer, String message) {
    if (problems != null) {
      problems.warning(code, pointer, message);
    }
  }
}
