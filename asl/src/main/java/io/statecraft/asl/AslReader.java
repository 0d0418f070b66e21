package io.statecraft.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.BooleanValue;
import io.statecraft.dsl.ComparisonOperator;
import io.statecraft.dsl.Condition;
import io.statecraft.dsl.Intrinsic;
import io.statecraft.dsl.Jsonata;
import io.statecraft.dsl.NullValue;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
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
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an ASL definition (a JSON tree, from JSON or YAML) into an {@link AslDefinition}. It
 * expects a definition the validator has accepted; legacy forms ({@code Iterator}, Map
 * {@code Parameters}) are read as they are, and fields it does not know are kept as extensions.
 *
 * <p>In payload templates, a {@code "Key.$"} field becomes {@code Key} with a {@link Path} or
 * {@link Intrinsic} value; in a JSONata state, a {@code "{% %}"} string becomes a {@link Jsonata}.
 */
public final class AslReader {

  private AslReader() {}

  /** Reads a whole definition. */
  public static AslDefinition read(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("a state machine definition is a JSON object");
    }
    Fields fields = new Fields(root);
    QueryLanguage language = fields.queryLanguage("QueryLanguage");
    QueryLanguage effective = language == null ? QueryLanguage.JSONPATH : language;
    String comment = fields.text("Comment");
    String version = fields.text("Version");
    JsonNode timeout = fields.take("TimeoutSeconds");
    String startAt = fields.text("StartAt");
    Map<String, AslState> states = states(fields.take("States"), effective);
    return new AslDefinition(comment, language, version,
        timeout == null ? null : timeout.intValue(), startAt == null ? "" : startAt, states,
        fields.rest(effective));
  }

  private static Map<String, AslState> states(JsonNode node, QueryLanguage inherited) {
    Map<String, AslState> states = new LinkedHashMap<>();
    if (node != null && node.isObject()) {
      node.fields().forEachRemaining(entry -> states.put(entry.getKey(), state(entry.getValue(), inherited)));
    }
    return states;
  }

  private static AslState state(JsonNode node, QueryLanguage inherited) {
    Fields f = new Fields(node);
    String type = f.text("Type");
    QueryLanguage own = f.queryLanguage("QueryLanguage");
    QueryLanguage q = own != null ? own : inherited;
    String comment = f.text("Comment");
    if ("Task".equals(type)) {
      String resource = f.text("Resource");
      Value credentials = f.payload("Credentials", q);
      AslIo io = io(f, q);
      Value timeout = f.scalar("TimeoutSeconds", q);
      Value timeoutPath = f.path("TimeoutSecondsPath");
      Value heartbeat = f.scalar("HeartbeatSeconds", q);
      Value heartbeatPath = f.path("HeartbeatSecondsPath");
      List<AslRetrier> retry = retry(f.take("Retry"), q);
      List<AslCatcher> catchers = catchers(f.take("Catch"), q);
      String next = f.text("Next");
      boolean end = f.flag("End");
      return new AslTask(comment, own, resource == null ? "" : resource, credentials, io, timeout,
          timeoutPath, heartbeat, heartbeatPath, retry, catchers, next, end, f.rest(q));
    }
    if ("Pass".equals(type)) {
      Value result = f.literal("Result", q);
      AslIo io = io(f, q);
      return new AslPass(comment, own, io, result, f.text("Next"), f.flag("End"), f.rest(q));
    }
    if ("Choice".equals(type)) {
      List<AslChoiceRule> rules = new ArrayList<>();
      JsonNode choices = f.take("Choices");
      if (choices != null && choices.isArray()) {
        choices.forEach(rule -> rules.add(rule(rule, q)));
      }
      String defaultState = f.text("Default");
      return new AslChoice(comment, own, io(f, q), rules, defaultState, f.rest(q));
    }
    if ("Wait".equals(type)) {
      Value seconds = f.scalar("Seconds", q);
      Value secondsPath = f.path("SecondsPath");
      Value timestamp = f.scalar("Timestamp", q);
      Value timestampPath = f.path("TimestampPath");
      AslIo io = io(f, q);
      return new AslWait(comment, own, io, seconds, secondsPath, timestamp, timestampPath,
          f.text("Next"), f.flag("End"), f.rest(q));
    }
    if ("Succeed".equals(type)) {
      return new AslSucceed(comment, own, io(f, q), f.rest(q));
    }
    if ("Fail".equals(type)) {
      return new AslFail(comment, own, f.scalar("Error", q), f.path("ErrorPath"),
          f.scalar("Cause", q), f.path("CausePath"), f.rest(q));
    }
    if ("Parallel".equals(type)) {
      List<AslBranch> branches = new ArrayList<>();
      JsonNode list = f.take("Branches");
      if (list != null && list.isArray()) {
        list.forEach(b -> branches.add(branch(b, q)));
      }
      AslIo io = io(f, q);
      return new AslParallel(comment, own, io, branches, retry(f.take("Retry"), q),
          catchers(f.take("Catch"), q), f.text("Next"), f.flag("End"), f.rest(q));
    }
    if ("Map".equals(type)) {
      return map(f, comment, own, q);
    }
    throw new IllegalArgumentException("unknown state Type: " + type);
  }

  private static AslMap map(Fields f, String comment, QueryLanguage own, QueryLanguage q) {
    Value itemsPath = f.path("ItemsPath");
    Value items = f.payload("Items", q);
    Value itemSelector = f.payload("ItemSelector", q);
    JsonNode processorNode = f.take("ItemProcessor");
    JsonNode iteratorNode = f.take("Iterator");
    AslItemReader reader = itemReader(f.take("ItemReader"), q);
    AslItemBatcher batcher = itemBatcher(f.take("ItemBatcher"), q);
    AslResultWriter writer = resultWriter(f.take("ResultWriter"), q);
    Value maxConcurrency = f.scalar("MaxConcurrency", q);
    Value maxConcurrencyPath = f.path("MaxConcurrencyPath");
    Value percentage = f.scalar("ToleratedFailurePercentage", q);
    Value percentagePath = f.path("ToleratedFailurePercentagePath");
    Value count = f.scalar("ToleratedFailureCount", q);
    Value countPath = f.path("ToleratedFailureCountPath");
    String label = f.text("Label");
    AslIo io = io(f, q);
    return new AslMap(comment, own, io, itemsPath, items, itemSelector,
        processorNode == null ? null : branch(processorNode, q),
        iteratorNode == null ? null : branch(iteratorNode, q),
        reader, batcher, writer, maxConcurrency, maxConcurrencyPath, percentage, percentagePath,
        count, countPath, label, retry(f.take("Retry"), q), catchers(f.take("Catch"), q),
        f.text("Next"), f.flag("End"), f.rest(q));
  }

  private static AslIo io(Fields f, QueryLanguage q) {
    return new AslIo(f.path("InputPath"), f.payload("Parameters", q), f.payload("ResultSelector", q),
        f.path("ResultPath"), f.path("OutputPath"), f.payload("Arguments", q), f.payload("Output", q),
        f.payload("Assign", q));
  }

  private static AslBranch branch(JsonNode node, QueryLanguage inherited) {
    Fields f = new Fields(node);
    String comment = f.text("Comment");
    QueryLanguage own = f.queryLanguage("QueryLanguage");
    QueryLanguage q = own != null ? own : inherited;
    AslProcessorConfig config = null;
    JsonNode configNode = f.take("ProcessorConfig");
    if (configNode != null) {
      Fields c = new Fields(configNode);
      config = new AslProcessorConfig(c.text("Mode"), c.text("ExecutionType"), c.rest(q));
    }
    String startAt = f.text("StartAt");
    Map<String, AslState> states = states(f.take("States"), q);
    return new AslBranch(comment, own, config, startAt == null ? "" : startAt, states, f.rest(q));
  }

  private static AslItemReader itemReader(JsonNode node, QueryLanguage q) {
    if (node == null) {
      return null;
    }
    Fields f = new Fields(node);
    String resource = f.text("Resource");
    return new AslItemReader(resource == null ? "" : resource, f.payload("ReaderConfig", q),
        f.payload("Parameters", q), f.payload("Arguments", q), f.rest(q));
  }

  private static AslItemBatcher itemBatcher(JsonNode node, QueryLanguage q) {
    if (node == null) {
      return null;
    }
    Fields f = new Fields(node);
    return new AslItemBatcher(f.scalar("MaxItemsPerBatch", q), f.path("MaxItemsPerBatchPath"),
        f.scalar("MaxInputBytesPerBatch", q), f.path("MaxInputBytesPerBatchPath"),
        f.payload("BatchInput", q), f.rest(q));
  }

  private static AslResultWriter resultWriter(JsonNode node, QueryLanguage q) {
    if (node == null) {
      return null;
    }
    Fields f = new Fields(node);
    return new AslResultWriter(f.text("Resource"), f.payload("Parameters", q), f.payload("Arguments", q),
        f.payload("WriterConfig", q), f.rest(q));
  }

  private static List<AslRetrier> retry(JsonNode node, QueryLanguage q) {
    List<AslRetrier> retriers = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return retriers;
    }
    for (JsonNode entry : node) {
      Fields f = new Fields(entry);
      List<String> errors = f.strings("ErrorEquals");
      JsonNode interval = f.take("IntervalSeconds");
      JsonNode attempts = f.take("MaxAttempts");
      JsonNode backoff = f.take("BackoffRate");
      JsonNode maxDelay = f.take("MaxDelaySeconds");
      retriers.add(new AslRetrier(errors, integer(interval), integer(attempts),
          backoff == null ? null : backoff.decimalValue(), integer(maxDelay), f.text("JitterStrategy"),
          f.text("Comment"), f.rest(q)));
    }
    return retriers;
  }

  private static Integer integer(JsonNode node) {
    return node == null ? null : node.intValue();
  }

  private static List<AslCatcher> catchers(JsonNode node, QueryLanguage q) {
    List<AslCatcher> catchers = new ArrayList<>();
    if (node == null || !node.isArray()) {
      return catchers;
    }
    for (JsonNode entry : node) {
      Fields f = new Fields(entry);
      List<String> errors = f.strings("ErrorEquals");
      Value resultPath = f.path("ResultPath");
      Value output = f.payload("Output", q);
      Value assign = f.payload("Assign", q);
      String next = f.text("Next");
      catchers.add(new AslCatcher(errors, next == null ? "" : next, resultPath, output, assign,
          f.text("Comment"), f.rest(q)));
    }
    return catchers;
  }

  private static AslChoiceRule rule(JsonNode node, QueryLanguage q) {
    Fields f = new Fields(node);
    Condition condition = condition(f, q);
    Value assign = f.payload("Assign", q);
    Value output = f.payload("Output", q);
    String next = f.text("Next");
    return new AslChoiceRule(condition, next == null ? "" : next, assign, output, f.rest(q));
  }

  private static Condition condition(JsonNode node, QueryLanguage q) {
    Fields f = new Fields(node);
    // The model has no place for unknown fields of a nested rule: the validator rejects each
    // (UNKNOWN_FIELD, an error, as the service rejects it), so no command that needs a sound
    // definition reads one; the reader still leaves them out rather than fail on such a tree.
    return condition(f, q);
  }

  // Reads the test of a rule from its fields, leaving Next/Assign/Output to the caller.
  private static Condition condition(Fields f, QueryLanguage q) {
    String comment = f.text("Comment");
    JsonNode and = f.take("And");
    if (and != null) {
      return new Condition.And(conditionList(and, q), comment);
    }
    JsonNode or = f.take("Or");
    if (or != null) {
      return new Condition.Or(conditionList(or, q), comment);
    }
    JsonNode not = f.take("Not");
    if (not != null) {
      return new Condition.Not(condition(not, q), comment);
    }
    JsonNode jsonata = f.take("Condition");
    if (jsonata != null) {
      return new Condition.JsonataCondition(scalarValue(jsonata, QueryLanguage.JSONATA), comment);
    }
    String variable = f.text("Variable");
    for (ComparisonOperator operator : ComparisonOperator.values()) {
      JsonNode operand = f.take(operator.written());
      if (operand != null) {
        Value value = operator.operand() == ComparisonOperator.Operand.PATH && operand.isTextual()
            ? pathValue(operand.textValue())
            : literalValue(operand);
        return new Condition.Comparison(new Path(variable == null ? "$" : variable), operator, value, comment);
      }
    }
    throw new IllegalArgumentException("a Choice rule without a test");
  }

  private static List<Condition> conditionList(JsonNode node, QueryLanguage q) {
    List<Condition> list = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(c -> list.add(condition(c, q)));
    }
    return list;
  }

  /** A payload value in the state's language: {@code .$} keys in JSONPath, {@code {% %}} in JSONata. */
  static Value payloadValue(JsonNode node, QueryLanguage q) {
    if (node.isObject()) {
      Map<String, Value> fields = new LinkedHashMap<>();
      node.fields().forEachRemaining(entry -> {
        String key = entry.getKey();
        JsonNode value = entry.getValue();
        if (q == QueryLanguage.JSONPATH && key.endsWith(".$") && value.isTextual()) {
          Value dynamic = dynamicValue(value.textValue());
          if (dynamic != null) {
            fields.put(key.substring(0, key.length() - 2), dynamic);
            return;
          }
        }
        fields.put(key, payloadValue(value, q));
      });
      return new ObjectValue(fields);
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(item -> items.add(payloadValue(item, q)));
      return new ArrayValue(items);
    }
    return scalarValue(node, q);
  }

  /** A single value: in JSONata a {@code {% %}} string is an expression; otherwise literal. */
  static Value scalarValue(JsonNode node, QueryLanguage q) {
    if (node.isTextual() && q == QueryLanguage.JSONATA && Jsonata.isExpression(node.textValue())) {
      return Jsonata.parse(node.textValue());
    }
    return literalValue(node);
  }

  // The value behind a ".$" key: a path or an intrinsic call; null when it is neither, so that
  // the key is kept as written.
  private static Value dynamicValue(String text) {
    if (text.startsWith("$")) {
      // The constructor, not Path.of: a broken path in a file is the validator's to report.
      return new Path(text);
    }
    if (Intrinsic.looksLikeCall(text)) {
      try {
        Intrinsic call = Intrinsic.parse(text);
        return call;
      } catch (IllegalArgumentException notACall) {
        return null;
      }
    }
    return null;
  }

  private static Value pathValue(String text) {
    Value dynamic = dynamicValue(text);
    return dynamic != null ? dynamic : new StringValue(text);
  }

  /** Any JSON as literal values: keys as written, strings as strings. */
  static Value literalValue(JsonNode node) {
    if (node.isObject()) {
      Map<String, Value> fields = new LinkedHashMap<>();
      node.fields().forEachRemaining(entry -> fields.put(entry.getKey(), literalValue(entry.getValue())));
      return new ObjectValue(fields);
    }
    if (node.isArray()) {
      List<Value> items = new ArrayList<>();
      node.forEach(item -> items.add(literalValue(item)));
      return new ArrayValue(items);
    }
    if (node.isTextual()) {
      return new StringValue(node.textValue());
    }
    if (node.isNumber()) {
      BigDecimal number = node.isIntegralNumber() ? new BigDecimal(node.bigIntegerValue()) : node.decimalValue();
      return new NumberValue(number);
    }
    if (node.isBoolean()) {
      return BooleanValue.of(node.booleanValue());
    }
    if (node.isNull()) {
      return NullValue.INSTANCE;
    }
    throw new IllegalArgumentException("not a JSON value: " + node);
  }

  /** The fields of one JSON object, taken one by one; what is left is kept as extensions. */
  private static final class Fields {
    private final JsonNode node;
    private final Set<String> taken = new HashSet<>();

    Fields(JsonNode node) {
      this.node = node;
    }

    JsonNode take(String key) {
      taken.add(key);
      return node.get(key);
    }

    String text(String key) {
      JsonNode value = take(key);
      return value == null || value.isNull() ? null : value.asText();
    }

    boolean flag(String key) {
      JsonNode value = take(key);
      return value != null && value.asBoolean();
    }

    QueryLanguage queryLanguage(String key) {
      String text = text(key);
      return text == null ? null : QueryLanguage.fromWritten(text).orElse(null);
    }

    List<String> strings(String key) {
      List<String> list = new ArrayList<>();
      JsonNode value = take(key);
      if (value != null && value.isArray()) {
        value.forEach(item -> list.add(item.asText()));
      }
      return list;
    }

    /** A path field: a path, an intrinsic call, or null (JSON null is kept as NullValue). */
    Value path(String key) {
      JsonNode value = take(key);
      if (value == null) {
        return null;
      }
      if (value.isTextual()) {
        return pathValue(value.textValue());
      }
      return literalValue(value);
    }

    Value scalar(String key, QueryLanguage q) {
      JsonNode value = take(key);
      return value == null ? null : scalarValue(value, q);
    }

    Value payload(String key, QueryLanguage q) {
      JsonNode value = take(key);
      return value == null ? null : payloadValue(value, q);
    }

    Value literal(String key, QueryLanguage q) {
      JsonNode value = take(key);
      return value == null ? null : literalValue(value);
    }

    List<String> remaining() {
      List<String> keys = new ArrayList<>();
      Iterator<String> names = node.fieldNames();
      names.forEachRemaining(name -> {
        if (!taken.contains(name)) {
          keys.add(name);
        }
      });
      return keys;
    }

    Map<String, Value> rest(QueryLanguage q) {
      Map<String, Value> extensions = new LinkedHashMap<>();
      for (String key : remaining()) {
        extensions.put(key, literalValue(node.get(key)));
      }
      return extensions;
    }
  }
}
