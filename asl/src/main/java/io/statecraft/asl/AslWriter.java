package io.statecraft.asl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.QueryLanguage;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslBranch;
import io.statecraft.dsl.asl.AslCatcher;
import io.statecraft.dsl.asl.AslChoice;
import io.statecraft.dsl.asl.AslChoiceRule;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.dsl.asl.AslFail;
import io.statecraft.dsl.asl.AslIo;
import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslMap;
import io.statecraft.dsl.asl.AslParallel;
import io.statecraft.dsl.asl.AslPass;
import io.statecraft.dsl.asl.AslProcessorConfig;
import io.statecraft.dsl.asl.AslResultWriter;
import io.statecraft.dsl.asl.AslRetrier;
import io.statecraft.dsl.asl.AslState;
import io.statecraft.dsl.asl.AslSucceed;
import io.statecraft.dsl.asl.AslTask;
import io.statecraft.dsl.asl.AslWait;
import io.statecraft.asl.json.CanonicalJson;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link AslDefinition} as canonical ASL JSON: {@code Type} first in every state, then
 * the fields in the order the AWS documentation lists them, unknown (raw) fields last; payload
 * objects keep the author's order.
 *
 * <p>Dynamic values take their written forms here: a {@link Path} or {@link Intrinsic} in an
 * object gets the {@code .$} key suffix; an array holding paths becomes {@code States.Array(...)};
 * a {@link Placeholder} becomes {@code ${Name}}, converted back to a number or list by
 * {@code States.StringToJson}/{@code States.StringSplit} (JSONPath) or {@code {% %}} (JSONata).
 */
public final class AslWriter {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final JsonNodeFactory NODES = CanonicalJson.nodes();

  private AslWriter() {}

  /** The definition as canonical JSON text. */
  public static String write(AslDefinition definition) {
    return CanonicalJson.write(toJson(definition));
  }

  /** The definition as a JSON tree, keys in canonical order. */
  public static ObjectNode toJson(AslDefinition definition) {
    ObjectNode root = NODES.objectNode();
    putText(root, "Comment", definition.comment());
    if (definition.queryLanguage() != null) {
      root.put("QueryLanguage", definition.queryLanguage().written());
    }
    putText(root, "Version", definition.version());
    if (definition.timeoutSeconds() != null) {
      root.put("TimeoutSeconds", definition.timeoutSeconds());
    }
    root.put("StartAt", definition.startAt());
    QueryLanguage language = definition.queryLanguage() == null ? QueryLanguage.JSONPATH : definition.queryLanguage();
    root.set("States", states(definition.states(), language));
    extensions(root, definition.extensions(), language);
    return root;
  }

  private static ObjectNode states(Map<String, AslState> states, QueryLanguage inherited) {
    ObjectNode node = NODES.objectNode();
    for (Map.Entry<String, AslState> entry : states.entrySet()) {
      node.set(entry.getKey(), state(entry.getValue(), inherited));
    }
    return node;
  }

  private static ObjectNode state(AslState state, QueryLanguage inherited) {
    QueryLanguage language = state.queryLanguage() != null ? state.queryLanguage() : inherited;
    ObjectNode node = NODES.objectNode();
    node.put("Type", state.type());
    if (state.queryLanguage() != null) {
      node.put("QueryLanguage", state.queryLanguage().written());
    }
    putText(node, "Comment", state.comment());
    Fields out = new Fields(node, language);
    if (state instanceof AslTask task) {
      task(task, out);
    } else if (state instanceof AslPass pass) {
      pass(pass, out);
    } else if (state instanceof AslChoice choice) {
      choice(choice, out);
    } else if (state instanceof AslWait wait) {
      waitState(wait, out);
    } else if (state instanceof AslSucceed succeed) {
      out.path("InputPath", succeed.io().inputPath());
      out.path("OutputPath", succeed.io().outputPath());
      out.value("Output", succeed.io().output());
    } else if (state instanceof AslFail fail) {
      out.scalar("Error", fail.error());
      out.path("ErrorPath", fail.errorPath());
      out.scalar("Cause", fail.cause());
      out.path("CausePath", fail.causePath());
    } else if (state instanceof AslParallel parallel) {
      parallel(parallel, out);
    } else if (state instanceof AslMap map) {
      map(map, out);
    }
    extensions(node, state.extensions(), language);
    return node;
  }

  private static void task(AslTask task, Fields out) {
    AslIo io = task.io();
    out.node.put("Resource", task.resource());
    out.payload("Credentials", task.credentials());
    out.path("InputPath", io.inputPath());
    out.payload("Parameters", io.parameters());
    out.value("Arguments", io.arguments());
    out.scalar("TimeoutSeconds", task.timeoutSeconds());
    out.path("TimeoutSecondsPath", task.timeoutSecondsPath());
    out.scalar("HeartbeatSeconds", task.heartbeatSeconds());
    out.path("HeartbeatSecondsPath", task.heartbeatSecondsPath());
    resultAndOutput(io, out);
    retry(task.retry(), out);
    catchers(task.catchers(), out);
    transition(task.next(), task.end(), out);
  }

  private static void pass(AslPass pass, Fields out) {
    AslIo io = pass.io();
    out.path("InputPath", io.inputPath());
    out.payload("Parameters", io.parameters());
    out.literal("Result", pass.result());
    out.path("ResultPath", io.resultPath());
    out.path("OutputPath", io.outputPath());
    out.value("Output", io.output());
    out.payload("Assign", io.assign());
    transition(pass.next(), pass.end(), out);
  }

  private static void choice(AslChoice choice, Fields out) {
    out.path("InputPath", choice.io().inputPath());
    ArrayNode rules = NODES.arrayNode();
    for (AslChoiceRule rule : choice.choices()) {
      ObjectNode node = condition(rule.condition(), out.language);
      Fields ruleOut = new Fields(node, out.language);
      ruleOut.payload("Assign", rule.assign());
      ruleOut.value("Output", rule.output());
      node.put("Next", rule.next());
      extensions(node, rule.extensions(), out.language);
      rules.add(node);
    }
    out.node.set("Choices", rules);
    putText(out.node, "Default", choice.defaultState());
    out.path("OutputPath", choice.io().outputPath());
    out.value("Output", choice.io().output());
    out.payload("Assign", choice.io().assign());
  }

  private static ObjectNode condition(Condition condition, QueryLanguage language) {
    ObjectNode node = NODES.objectNode();
    if (condition instanceof Condition.Comparison comparison) {
      node.put("Variable", comparison.variable().expression());
      node.set(comparison.operator().written(), scalarNode(comparison.operand(), language));
    } else if (condition instanceof Condition.And and) {
      node.set("And", conditions(and.conditions(), language));
    } else if (condition instanceof Condition.Or or) {
      node.set("Or", conditions(or.conditions(), language));
    } else if (condition instanceof Condition.Not not) {
      node.set("Not", condition(not.condition(), language));
    } else if (condition instanceof Condition.JsonataCondition jsonata) {
      node.set("Condition", scalarNode(jsonata.condition(), QueryLanguage.JSONATA));
    }
    putText(node, "Comment", condition.comment());
    return node;
  }

  private static ArrayNode conditions(List<Condition> conditions, QueryLanguage language) {
    ArrayNode array = NODES.arrayNode();
    for (Condition c : conditions) {
      array.add(condition(c, language));
    }
    return array;
  }

  private static void waitState(AslWait wait, Fields out) {
    out.path("InputPath", wait.io().inputPath());
    out.scalar("Seconds", wait.seconds());
    out.path("SecondsPath", wait.secondsPath());
    out.scalar("Timestamp", wait.timestamp());
    out.path("TimestampPath", wait.timestampPath());
    out.path("OutputPath", wait.io().outputPath());
    out.value("Output", wait.io().output());
    out.payload("Assign", wait.io().assign());
    transition(wait.next(), wait.end(), out);
  }

  private static void parallel(AslParallel parallel, Fields out) {
    AslIo io = parallel.io();
    out.path("InputPath", io.inputPath());
    out.payload("Parameters", io.parameters());
    out.value("Arguments", io.arguments());
    ArrayNode branches = NODES.arrayNode();
    for (AslBranch b : parallel.branches()) {
      branches.add(branch(b, out.language));
    }
    out.node.set("Branches", branches);
    resultAndOutput(io, out);
    retry(parallel.retry(), out);
    catchers(parallel.catchers(), out);
    transition(parallel.next(), parallel.end(), out);
  }

  private static void map(AslMap map, Fields out) {
    AslIo io = map.io();
    out.path("InputPath", io.inputPath());
    out.path("ItemsPath", map.itemsPath());
    out.value("Items", map.items());
    if (map.itemReader() != null) {
      out.node.set("ItemReader", itemReader(map.itemReader(), out.language));
    }
    out.payload("ItemSelector", map.itemSelector());
    out.payload("Parameters", io.parameters());
    if (map.itemBatcher() != null) {
      out.node.set("ItemBatcher", itemBatcher(map.itemBatcher(), out.language));
    }
    if (map.itemProcessor() != null) {
      out.node.set("ItemProcessor", branch(map.itemProcessor(), out.language));
    }
    if (map.iterator() != null) {
      out.node.set("Iterator", branch(map.iterator(), out.language));
    }
    out.scalar("MaxConcurrency", map.maxConcurrency());
    out.path("MaxConcurrencyPath", map.maxConcurrencyPath());
    out.scalar("ToleratedFailurePercentage", map.toleratedFailurePercentage());
    out.path("ToleratedFailurePercentagePath", map.toleratedFailurePercentagePath());
    out.scalar("ToleratedFailureCount", map.toleratedFailureCount());
    out.path("ToleratedFailureCountPath", map.toleratedFailureCountPath());
    putText(out.node, "Label", map.label());
    if (map.resultWriter() != null) {
      out.node.set("ResultWriter", resultWriter(map.resultWriter(), out.language));
    }
    resultAndOutput(io, out);
    retry(map.retry(), out);
    catchers(map.catchers(), out);
    transition(map.next(), map.end(), out);
  }

  private static ObjectNode branch(AslBranch branch, QueryLanguage language) {
    ObjectNode node = NODES.objectNode();
    putText(node, "Comment", branch.comment());
    if (branch.queryLanguage() != null) {
      node.put("QueryLanguage", branch.queryLanguage().written());
    }
    AslProcessorConfig config = branch.processorConfig();
    if (config != null) {
      ObjectNode configNode = NODES.objectNode();
      putText(configNode, "Mode", config.mode());
      putText(configNode, "ExecutionType", config.executionType());
      extensions(configNode, config.extensions(), language);
      node.set("ProcessorConfig", configNode);
    }
    node.put("StartAt", branch.startAt());
    QueryLanguage inner = branch.queryLanguage() != null ? branch.queryLanguage() : language;
    node.set("States", states(branch.states(), inner));
    extensions(node, branch.extensions(), language);
    return node;
  }

  private static ObjectNode itemReader(AslItemReader reader, QueryLanguage language) {
    ObjectNode node = NODES.objectNode();
    Fields out = new Fields(node, language);
    node.put("Resource", reader.resource());
    out.payload("ReaderConfig", reader.readerConfig());
    out.payload("Parameters", reader.parameters());
    out.value("Arguments", reader.arguments());
    extensions(node, reader.extensions(), language);
    return node;
  }

  private static ObjectNode itemBatcher(AslItemBatcher batcher, QueryLanguage language) {
    ObjectNode node = NODES.objectNode();
    Fields out = new Fields(node, language);
    out.scalar("MaxItemsPerBatch", batcher.maxItemsPerBatch());
    out.path("MaxItemsPerBatchPath", batcher.maxItemsPerBatchPath());
    out.scalar("MaxInputBytesPerBatch", batcher.maxInputBytesPerBatch());
    out.path("MaxInputBytesPerBatchPath", batcher.maxInputBytesPerBatchPath());
    out.payload("BatchInput", batcher.batchInput());
    extensions(node, batcher.extensions(), language);
    return node;
  }

  private static ObjectNode resultWriter(AslResultWriter writer, QueryLanguage language) {
    ObjectNode node = NODES.objectNode();
    Fields out = new Fields(node, language);
    putText(node, "Resource", writer.resource());
    out.payload("Parameters", writer.parameters());
    out.value("Arguments", writer.arguments());
    out.payload("WriterConfig", writer.writerConfig());
    extensions(node, writer.extensions(), language);
    return node;
  }

  private static void resultAndOutput(AslIo io, Fields out) {
    out.payload("ResultSelector", io.resultSelector());
    out.path("ResultPath", io.resultPath());
    out.path("OutputPath", io.outputPath());
    out.value("Output", io.output());
    out.payload("Assign", io.assign());
  }

  private static void retry(List<AslRetrier> retriers, Fields out) {
    if (retriers.isEmpty()) {
      return;
    }
    ArrayNode array = NODES.arrayNode();
    for (AslRetrier retrier : retriers) {
      ObjectNode node = NODES.objectNode();
      node.set("ErrorEquals", strings(retrier.errorEquals()));
      if (retrier.intervalSeconds() != null) {
        node.put("IntervalSeconds", retrier.intervalSeconds());
      }
      if (retrier.maxAttempts() != null) {
        node.put("MaxAttempts", retrier.maxAttempts());
      }
      if (retrier.backoffRate() != null) {
        node.set("BackoffRate", numberNode(retrier.backoffRate()));
      }
      if (retrier.maxDelaySeconds() != null) {
        node.put("MaxDelaySeconds", retrier.maxDelaySeconds());
      }
      putText(node, "JitterStrategy", retrier.jitterStrategy());
      putText(node, "Comment", retrier.comment());
      extensions(node, retrier.extensions(), out.language);
      array.add(node);
    }
    out.node.set("Retry", array);
  }

  private static void catchers(List<AslCatcher> catchers, Fields out) {
    if (catchers.isEmpty()) {
      return;
    }
    ArrayNode array = NODES.arrayNode();
    for (AslCatcher catcher : catchers) {
      ObjectNode node = NODES.objectNode();
      Fields catchOut = new Fields(node, out.language);
      node.set("ErrorEquals", strings(catcher.errorEquals()));
      catchOut.path("ResultPath", catcher.resultPath());
      catchOut.value("Output", catcher.output());
      catchOut.payload("Assign", catcher.assign());
      node.put("Next", catcher.next());
      putText(node, "Comment", catcher.comment());
      extensions(node, catcher.extensions(), out.language);
      array.add(node);
    }
    out.node.set("Catch", array);
  }

  private static void transition(String next, boolean end, Fields out) {
    if (next != null) {
      out.node.put("Next", next);
    } else if (end) {
      out.node.put("End", true);
    }
  }

  private static void extensions(ObjectNode node, Map<String, Value> extensions, QueryLanguage language) {
    for (Map.Entry<String, Value> entry : extensions.entrySet()) {
      node.set(entry.getKey(), literalNode(entry.getValue(), language));
    }
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = NODES.arrayNode();
    for (String value : values) {
      array.add(value);
    }
    return array;
  }

  private static void putText(ObjectNode node, String key, String value) {
    if (value != null) {
      node.put(key, value);
    }
  }

  /** Writes the fields of one object in the query language of its state. */
  private static final class Fields {
    final ObjectNode node;
    final QueryLanguage language;

    Fields(ObjectNode node, QueryLanguage language) {
      this.node = node;
      this.language = language;
    }

    /** A path field ({@code InputPath}, {@code ItemsPath}, ...): the path text, or null. */
    void path(String key, Value value) {
      if (value != null) {
        node.set(key, scalarNode(value, language));
      }
    }

    /** A field holding one value in the state's language: number, text, expression. */
    void scalar(String key, Value value) {
      if (value != null) {
        node.set(key, scalarNode(value, language));
      }
    }

    /** A payload template: objects get {@code .$} keys for dynamic values. */
    void payload(String key, Value value) {
      if (value != null) {
        node.set(key, payloadNode(value, language));
      }
    }

    /** A JSONata-language value ({@code Arguments}, {@code Output}, {@code Items}). */
    void value(String key, Value value) {
      if (value != null) {
        node.set(key, payloadNode(value, language));
      }
    }

    /** A literal value, written exactly ({@code Result}). */
    void literal(String key, Value value) {
      if (value != null) {
        node.set(key, literalNode(value, language));
      }
    }
  }

  /** A value standing alone in a field: paths and intrinsics as their text. */
  static JsonNode scalarNode(Value value, QueryLanguage language) {
    if (value instanceof Path path) {
      return NODES.textNode(path.expression());
    }
    if (value instanceof Intrinsic call) {
      return NODES.textNode(call.render());
    }
    if (value instanceof Placeholder placeholder) {
      return placeholderNode(placeholder, language);
    }
    return literalNode(value, language);
  }

  private static JsonNode placeholderNode(Placeholder placeholder, QueryLanguage language) {
    if (placeholder.kind() == Placeholder.Kind.STRING || language != QueryLanguage.JSONATA) {
      return NODES.textNode(placeholder.token());
    }
    return NODES.textNode(jsonataForm(placeholder).render());
  }

  private static Jsonata jsonataForm(Placeholder placeholder) {
    return placeholder.kind() == Placeholder.Kind.NUMBER
        ? Jsonata.of(placeholder.token())
        : Jsonata.of("$split('" + placeholder.token() + "', ',')");
  }

  /**
   * A payload value: in objects, dynamic values get {@code .$} keys (JSONPath); arrays of
   * dynamic values become {@code States.Array(...)}.
   */
  static JsonNode payloadNode(Value value, QueryLanguage language) {
    if (value instanceof ObjectValue object) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<String, Value> entry : object.fields().entrySet()) {
        putPayloadField(node, entry.getKey(), entry.getValue(), language);
      }
      return node;
    }
    if (value instanceof ArrayValue array) {
      ArrayNode node = NODES.arrayNode();
      for (Value item : array.items()) {
        node.add(payloadNode(item, language));
      }
      return node;
    }
    return scalarNode(value, language);
  }

  private static void putPayloadField(ObjectNode node, String key, Value value, QueryLanguage language) {
    if (language == QueryLanguage.JSONPATH) {
      Value dynamic = asDynamic(value);
      if (dynamic != null) {
        node.set(key + ".$", scalarNode(dynamic, language));
        return;
      }
    }
    node.set(key, payloadNode(value, language));
  }

  // In a JSONPath payload, the value a ".$" key must hold for this value, or null when it is
  // written as it is: paths and calls; numbers and lists from placeholders, converted back from
  // the text CloudFormation substitutes; arrays holding dynamic items, as States.Array.
  private static Value asDynamic(Value value) {
    if (value instanceof Path || value instanceof Intrinsic) {
      return value;
    }
    if (value instanceof Placeholder placeholder && placeholder.kind() != Placeholder.Kind.STRING) {
      StringValue text = new StringValue(placeholder.token());
      return placeholder.kind() == Placeholder.Kind.NUMBER
          ? new Intrinsic("States.StringToJson", List.of(text))
          : new Intrinsic("States.StringSplit", List.of(text, new StringValue(",")));
    }
    if (value instanceof ArrayValue array && anyDynamicItem(array.items()) && allFitIntrinsicArguments(array.items())) {
      List<Value> arguments = new ArrayList<>(array.items().size());
      for (Value item : array.items()) {
        arguments.add(asArgument(item));
      }
      return new Intrinsic("States.Array", Collections.unmodifiableList(arguments));
    }
    return null;
  }

  private static boolean anyDynamicItem(List<Value> items) {
    for (Value item : items) {
      if (isDynamicItem(item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allFitIntrinsicArguments(List<Value> items) {
    for (Value item : items) {
      if (!fitsIntrinsicArgument(item)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDynamicItem(Value item) {
    return item instanceof Path || item instanceof Intrinsic
        || (item instanceof Placeholder p && p.kind() != Placeholder.Kind.STRING);
  }

  private static boolean fitsIntrinsicArgument(Value item) {
    return item instanceof Path || item instanceof Intrinsic || item instanceof StringValue
        || item instanceof NumberValue || item instanceof BooleanValue || item instanceof NullValue
        || item instanceof Placeholder;
  }

  private static Value asArgument(Value item) {
    if (item instanceof Placeholder placeholder) {
      Value dynamic = asDynamic(placeholder);
      return dynamic != null ? dynamic : new StringValue(placeholder.token());
    }
    return item;
  }

  // Whole numbers are written as integers and others as decimals, exactly as held: 3 stays 3,
  // 3.0 stays 3.0 (BigDecimal keeps the scale it was written with).
  static JsonNode numberNode(java.math.BigDecimal number) {
    if (number.scale() <= 0) {
      java.math.BigInteger whole = number.toBigIntegerExact();
      if (whole.bitLength() < 32) {
        return NODES.numberNode(whole.intValue());
      }
      if (whole.bitLength() < 64) {
        return NODES.numberNode(whole.longValue());
      }
      return NODES.numberNode(whole);
    }
    return NODES.numberNode(number);
  }

  /** A value written exactly as JSON: keys as they are, paths as plain text. */
  static JsonNode literalNode(Value value, QueryLanguage language) {
    if (value instanceof ObjectValue object) {
      ObjectNode node = NODES.objectNode();
      for (Map.Entry<String, Value> entry : object.fields().entrySet()) {
        node.set(entry.getKey(), literalNode(entry.getValue(), language));
      }
      return node;
    }
    if (value instanceof ArrayValue array) {
      ArrayNode node = NODES.arrayNode();
      for (Value item : array.items()) {
        node.add(literalNode(item, language));
      }
      return node;
    }
    if (value instanceof StringValue text) {
      return NODES.textNode(text.value());
    }
    if (value instanceof NumberValue number) {
      return numberNode(number.value());
    }
    if (value instanceof BooleanValue flag) {
      return NODES.booleanNode(flag.value());
    }
    if (value instanceof NullValue) {
      return NODES.nullNode();
    }
    if (value instanceof Jsonata expression) {
      return NODES.textNode(expression.render());
    }
    if (value instanceof Placeholder placeholder) {
      return placeholderNode(placeholder, language);
    }
    return scalarNode(value, language);
  }
}
