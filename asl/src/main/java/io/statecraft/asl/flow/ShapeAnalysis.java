package io.statecraft.asl.flow;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * What each state's input is like, along every path, to a fixed point over loops: the execution
 * input is unknown; a state that replaces its input with something whose fields are written in
 * the definition (Parameters, Result, ResultSelector, ResultPath {@code $}, OutputPath, a JSONata
 * Output object, a catcher's error output, an AWS SDK response) makes them known. Once the input
 * of every state is known, each state is walked once more with {@link ShapeChecks} reporting what
 * its paths read.
 *
 * <p>The order the fields apply in is the one of "Processing input and output in Step Functions"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-input-output-filtering.html):
 * InputPath, Parameters, the result, ResultSelector, ResultPath (onto the state's raw input),
 * OutputPath; a catcher's ResultPath also applies to the raw input, with the error output
 * ({@code Error} and {@code Cause}) as the result
 * (https://docs.aws.amazon.com/step-functions/latest/dg/concepts-error-handling.html).
 */
final class ShapeAnalysis {

  /** More state visits than this in one scope and the scope's inputs are left unknown. */
  private static final int MAX_VISITS_PER_STATE = 64;

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final Map<FlowGraph.State, Shape> inputs = new IdentityHashMap<>();
  private final Map<FlowGraph.Scope, Shape> scopeInputs = new IdentityHashMap<>();

  private ShapeAnalysis() {}

  static void check(FlowGraph graph, ShapeChecks checks) {
    ShapeAnalysis analysis = new ShapeAnalysis();
    analysis.scopeInputs.put(graph.top(), Shape.UNKNOWN);
    // Scopes are listed outside in: a scope's input is set when its owner's input is final.
    for (FlowGraph.Scope scope : graph.scopes()) {
      analysis.solve(scope);
    }
    for (FlowGraph.State state : graph.states()) {
      Shape input = analysis.inputs.get(state);
      if (input != null) {
        new StateFlow(state, input, checks).run();
      }
    }
  }

  private void solve(FlowGraph.Scope scope) {
    Shape entry = scopeInputs.getOrDefault(scope, Shape.UNKNOWN);
    if (scope.start == null) {
      return;
    }
    Map<FlowGraph.State, Shape> found = new IdentityHashMap<>();
    found.put(scope.start, entry);
    Deque<FlowGraph.State> work = new ArrayDeque<>(List.of(scope.start));
    // What is in `work`, so that queuing a state again is not a scan of the queue.
    Set<FlowGraph.State> queued = Collections.newSetFromMap(new IdentityHashMap<>());
    queued.add(scope.start);
    int budget = MAX_VISITS_PER_STATE * scope.states.size();
    while (!work.isEmpty()) {
      if (--budget < 0) {
        // Not settled: knowing nothing about this scope is the answer that is never wrong.
        for (Map.Entry<FlowGraph.State, Shape> settled : found.entrySet()) {
          settled.setValue(Shape.UNKNOWN);
        }
        break;
      }
      FlowGraph.State state = work.poll();
      queued.remove(state);
      StateFlow flow = new StateFlow(state, found.get(state), ShapeChecks.SILENT);
      flow.run();
      for (FlowGraph.Edge edge : state.edges) {
        Shape out = flow.outputVia(edge);
        Shape before = found.get(edge.target());
        Shape after = before == null ? out : before.join(out);
        if (!after.equals(before)) {
          found.put(edge.target(), after);
          if (queued.add(edge.target())) {
            work.add(edge.target());
          }
        }
      }
    }
    inputs.putAll(found);
    for (Map.Entry<FlowGraph.State, Shape> reached : found.entrySet()) {
      FlowGraph.State state = reached.getKey();
      if (!state.inner.isEmpty()) {
        StateFlow flow = new StateFlow(state, reached.getValue(), ShapeChecks.SILENT);
        flow.run();
        for (FlowGraph.Scope inner : state.inner) {
          scopeInputs.put(inner, flow.innerInput());
        }
      }
    }
  }

  /** One state's fields applied to one input, reporting through {@code checks}. */
  static final class StateFlow {

    private final FlowGraph.State state;
    private final Shape input;
    private final ShapeChecks checks;
    private Shape effective;
    private Shape result = Shape.UNKNOWN;
    private Shape output;
    private Shape innerInput = Shape.UNKNOWN;

    StateFlow(FlowGraph.State state, Shape input, ShapeChecks checks) {
      this.state = state;
      this.input = input;
      this.checks = checks;
    }

    Shape innerInput() {
      return innerInput;
    }

    void run() {
      if (state.jsonata) {
        runJsonata();
      } else {
        runJsonPath();
      }
    }

    private void runJsonPath() {
      effective = input;
      JsonNode inputPath = state.get("InputPath");
      if (inputPath != null) {
        effective = inputPath.isNull() ? Shape.object(Map.of(), Origin.written(state.name, "InputPath null of "
            + Origin.STATE + " gave it an empty object")) : read(input, inputPath, state.pointer("InputPath"),
            "the input of " + state.name);
      }
      checks.pathFields(state, effective);
      checks.choiceRules(state, effective);
      switch (state.type) {
        case "Pass":
          boolean built = state.get("Result") != null || state.get("Parameters") != null;
          result = state.get("Result") != null
              ? Shape.ofLiteral(state.get("Result"), wrote("Result"))
              : state.get("Parameters") != null ? template(state.get("Parameters"), "Parameters", effective, null)
              : effective;
          output = outputPath(resultPath(result, built));
          break;
        case "Task":
          template(state.get("Parameters"), "Parameters", effective, null);
          result = SdkResponses.of(state.node.path("Resource").asText(""), state.name).orElse(Shape.UNKNOWN);
          output = outputPath(resultPath(resultSelector(), state.get("ResultSelector") != null));
          break;
        case "Parallel":
          innerInput = state.get("Parameters") != null
              ? template(state.get("Parameters"), "Parameters", effective, null) : effective;
          result = Shape.ANY_ARRAY;
          output = outputPath(resultPath(resultSelector(), state.get("ResultSelector") != null));
          break;
        case "Map":
          innerInput = mapIterationInput();
          // With a ResultWriter the result is a description of what was written, not the array.
          result = state.get("ResultWriter") == null ? Shape.ANY_ARRAY : Shape.UNKNOWN;
          output = outputPath(resultPath(resultSelector(), state.get("ResultSelector") != null));
          break;
        default:
          output = outputPath(effective);
      }
    }

    private void runJsonata() {
      effective = input;
      checks.jsonataReads(state, input, "input");
      if (state.is("Task")) {
        result = SdkResponses.of(state.node.path("Resource").asText(""), state.name).orElse(Shape.UNKNOWN);
        checks.jsonataResultReads(state, result);
      } else if (state.is("Parallel") || state.is("Map")) {
        result = state.get("ResultWriter") == null ? Shape.ANY_ARRAY : Shape.UNKNOWN;
        JsonNode arguments = state.get(state.is("Map") ? "ItemSelector" : "Arguments");
        innerInput = arguments != null ? jsonataTemplate(arguments, state.is("Map") ? "ItemSelector" : "Arguments")
            : state.is("Parallel") ? input : Shape.UNKNOWN;
      }
      JsonNode outputField = state.get("Output");
      if (outputField != null) {
        output = jsonataTemplate(outputField, "Output")
            .because(Origin.written(state.name, "Output of " + Origin.STATE + " replaced the input"));
      } else {
        output = state.is("Task") || state.is("Parallel") || state.is("Map") ? result : input;
      }
    }

    /** The next state's input along {@code edge}. */
    Shape outputVia(FlowGraph.Edge edge) {
      JsonNode way = state.node.at(edge.pointer().substring(state.pointer.length()));
      if (edge.via() == FlowGraph.Via.CHOICE_RULE && state.jsonata && way.has("Output")) {
        // A JSONata choice rule's own Output is the next state's input.
        return jsonataTemplate(way.get("Output"), "Output")
            .because(Origin.written(state.name, "Output of a choice rule of " + Origin.STATE + " replaced the input"));
      }
      if (edge.via() != FlowGraph.Via.CATCH) {
        return output == null ? Shape.UNKNOWN : output;
      }
      JsonNode catcher = way;
      Origin origin = Origin.written(state.name, "the error output of " + Origin.STATE + "'s catcher replaced the input");
      Shape errorOutput = Shape.object(Map.of("Error", Shape.STRING, "Cause", Shape.STRING), origin);
      if (state.jsonata) {
        JsonNode catcherOutput = catcher.get("Output");
        return catcherOutput == null ? errorOutput : jsonataTemplate(catcherOutput, "Output")
            .because(Origin.written(state.name, "Output of " + Origin.STATE + "'s catcher replaced the input"));
      }
      // Not `built`: the error output's own origin already says that it replaced the input.
      return applyResultPath(input, errorOutput, catcher.get("ResultPath"), false);
    }

    private Shape resultSelector() {
      JsonNode selector = state.get("ResultSelector");
      return selector == null ? result : template(selector, "ResultSelector", result, null);
    }

    private Shape resultPath(Shape stateResult, boolean built) {
      return applyResultPath(input, stateResult, state.get("ResultPath"), built);
    }

    // `built`: the result is an object this state wrote, so it is what replaced the input.
    private Shape applyResultPath(Shape rawInput, Shape value, JsonNode resultPath, boolean built) {
      if (resultPath == null) {
        return built ? value.because(Origin.written(state.name, "the result of " + Origin.STATE
            + " replaced the input (it has no ResultPath)")) : value;
      }
      if (resultPath.isNull()) {
        return rawInput;
      }
      Optional<ReadPath> path = ReadPath.parse(resultPath.asText(""));
      if (path.isEmpty() || path.get().root() != ReadPath.Root.INPUT || path.get().steps().isEmpty()) {
        return Shape.UNKNOWN;
      }
      List<ReadPath.Step> steps = path.get().steps().get();
      if (steps.isEmpty()) {
        return built ? value.because(Origin.written(state.name, "ResultPath '$' of " + Origin.STATE
            + " replaced the input")) : value;
      }
      for (ReadPath.Step step : steps) {
        if (!step.isField()) {
          return Shape.UNKNOWN;
        }
      }
      return set(rawInput, steps, 0, value, resultPath.asText());
    }

    // The input with the field at `steps` set; ResultPath creates the objects on the way.
    private Shape set(Shape into, List<ReadPath.Step> steps, int at, Shape value, String written) {
      if (at == steps.size()) {
        return value;
      }
      String name = steps.get(at).field();
      if (into == null) {
        Origin origin = Origin.written(state.name, "ResultPath '" + written + "' of " + Origin.STATE + " created it");
        return Shape.object(Map.of(name, set(null, steps, at + 1, value, written)), origin);
      }
      if (into.isObject()) {
        return into.with(name, set(into.open() ? into.fields().getOrDefault(name, Shape.UNKNOWN)
            : into.fields().get(name), steps, at + 1, value, written));
      }
      if (into.kind() == Shape.Kind.UNKNOWN) {
        return Shape.openObject(Map.of(name, set(Shape.UNKNOWN, steps, at + 1, value, written)));
      }
      return Shape.UNKNOWN; // ResultPath into a string or number fails at run time
    }

    private Shape outputPath(Shape beforeOutputPath) {
      JsonNode outputPath = state.get("OutputPath");
      if (outputPath == null) {
        return beforeOutputPath;
      }
      if (outputPath.isNull()) {
        return Shape.object(Map.of(), Origin.written(state.name, "OutputPath null of " + Origin.STATE
            + " replaced the output with an empty object"));
      }
      return read(beforeOutputPath, outputPath, state.pointer("OutputPath"), "the output of " + state.name);
    }

    private Shape mapIterationInput() {
      JsonNode itemsPath = state.get("ItemsPath");
      Shape items = itemsPath == null ? effective
          : read(effective, itemsPath, state.pointer("ItemsPath"), "the input of " + state.name);
      Shape item = state.get("ItemReader") == null && items.kind() == Shape.Kind.ARRAY ? items.element() : Shape.UNKNOWN;
      String field = state.get("ItemSelector") != null ? "ItemSelector" : "Parameters";
      JsonNode selector = state.get(field);
      return selector == null ? item : template(selector, field, effective, item);
    }

    private Origin wrote(String field) {
      return Origin.written(state.name, field + " of " + Origin.STATE + " wrote that object");
    }

    private Shape read(Shape from, JsonNode pathNode, String pointer, String container) {
      return checks.read(from, pathNode.asText(""), pointer, container);
    }

    /** A JSONPath payload template: literal keys, {@code .$} keys read from {@code source}. */
    private Shape template(JsonNode template, String field, Shape source, Shape mapItem) {
      if (template == null) {
        return Shape.UNKNOWN;
      }
      return templateValue(template, JsonPointers.child(state.pointer, field), field, source, mapItem);
    }

    private Shape templateValue(JsonNode value, String pointer, String field, Shape source, Shape mapItem) {
      if (value.isObject()) {
        Map<String, Shape> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          String key = entry.getKey();
          String childPointer = JsonPointers.child(pointer, key);
          if (key.endsWith(".$") && entry.getValue().isTextual()) {
            fields.put(key.substring(0, key.length() - 2),
                checks.dynamic(state, entry.getValue().textValue(), childPointer, source, mapItem,
                    field.equals("ResultSelector") ? "the result of " + state.name : "the input of " + state.name));
          } else {
            fields.put(key, templateValue(entry.getValue(), childPointer, field, source, mapItem));
          }
        }
        return Shape.object(fields, wrote(field));
      }
      if (value.isArray()) {
        List<Shape> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
          items.add(templateValue(value.get(i), JsonPointers.child(pointer, i), field, source, mapItem));
        }
        return Shape.arrayOf(items);
      }
      return Shape.ofLiteral(value, wrote(field));
    }

    /** A JSONata template: literal keys and values are known, {@code {% %}} values are not. */
    private Shape jsonataTemplate(JsonNode value, String field) {
      if (value.isTextual()) {
        return JsonataText.ofTemplate(value.textValue()) != null ? Shape.UNKNOWN : Shape.STRING;
      }
      if (value.isObject()) {
        Map<String, Shape> fields = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> entry = it.next();
          fields.put(entry.getKey(), jsonataTemplate(entry.getValue(), field));
        }
        return Shape.object(fields, wrote(field));
      }
      if (value.isArray()) {
        List<Shape> items = new ArrayList<>();
        for (JsonNode item : value) {
          items.add(jsonataTemplate(item, field));
        }
        return Shape.arrayOf(items);
      }
      return Shape.ofLiteral(value, wrote(field));
    }
  }
}
