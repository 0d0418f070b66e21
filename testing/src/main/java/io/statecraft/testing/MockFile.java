package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.Problem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A mocks file: a JSON (or YAML) object whose keys are Task state names, or resource ARNs (keys
 * starting with {@code arn:}), and whose values say what the task answers; {@code "$items"} maps
 * distributed Map state names to their items, and {@code "$s3Objects"} gives the S3 objects their
 * readers read ({@code s3://bucket/key} to the content: text, or JSON written as it is). The format
 * extends the one of asl-run, so one file serves both. See docs/testing.md.
 *
 * <pre>{@code
 * {
 *   "FindInstances": {"Reservations": []},
 *   "Notify": {"$sequence": [{"$error": "Lambda.TooManyRequestsException", "$cause": "Rate exceeded"}, {"Payload": "ok"}]},
 *   "Approve": {"$result": {"approved": true}, "$seconds": 3600},
 *   "arn:aws:states:::http:invoke": {"$echo": true},
 *   "$items": {"ProcessRows": [{"id": 1}, {"id": 2}]},
 *   "$s3Objects": {"s3://data/in/rows.csv": "id,amount\n1,9.50\n", "s3://data/orders.json": {"data": []}}
 * }
 * }</pre>
 */
public final class MockFile {

  private final Map<String, Mock> states;
  private final Map<String, Mock> resources;
  private final Map<String, JsonNode> items;
  private final Map<String, String> s3Objects;

  private MockFile(Map<String, Mock> states, Map<String, Mock> resources, Map<String, JsonNode> items,
      Map<String, String> s3Objects) {
    this.states = states;
    this.resources = resources;
    this.items = items;
    this.s3Objects = s3Objects;
  }

  /**
   * Reads a mocks file.
   *
   * @throws IllegalArgumentException with every problem, each naming the key, when the file is
   *     not a valid mocks file
   * @param file a JSON or YAML mocks file
   * @return the mocks, for {@link LocalExecutor#mocks(MockFile)}
   */
  public static MockFile read(Path file) {
    JsonNode root;
    try {
      root = JsonDocuments.read(file);
    } catch (DocumentException e) {
      throw new IllegalArgumentException(file + ": " + e.problems().stream().map(Problem::reportLine)
          .collect(Collectors.joining("; ")));
    }
    return parse(root, file.toString());
  }

  /**
   * Reads mocks from JSON text; {@code source} names it in messages.
   *
   * @param json the mocks as JSON or YAML text
   * @param source what the text is, for messages, such as the file name
   * @return the mocks, for {@link LocalExecutor#mocks(MockFile)}
   */
  public static MockFile parse(String json, String source) {
    return parse(JsonValues.parse(json, source), source);
  }

  static MockFile parse(JsonNode root, String source) {
    if (!root.isObject()) {
      throw new IllegalArgumentException(source + ": a mocks file is a JSON object of state names (or resource ARNs) "
          + "to mocks, got " + JsonValues.typeName(root));
    }
    Map<String, Mock> states = new LinkedHashMap<>();
    Map<String, Mock> resources = new LinkedHashMap<>();
    Map<String, JsonNode> items = new LinkedHashMap<>();
    Map<String, String> s3Objects = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      String key = entry.getKey();
      if (key.equals("$items")) {
        if (!entry.getValue().isObject()) {
          problems.add("\"$items\" must be an object of Map state names to arrays of items");
          continue;
        }
        entry.getValue().fields().forEachRemaining(item -> {
          if (item.getValue().isArray()) {
            items.put(item.getKey(), item.getValue());
          } else {
            problems.add("\"$items\"." + item.getKey() + " must be an array of items, got " + JsonValues.typeName(item.getValue()));
          }
        });
        continue;
      }
      if (key.equals("$s3Objects")) {
        s3Objects(entry.getValue(), s3Objects, problems);
        continue;
      }
      try {
        Mock mock = mock(entry.getValue(), key);
        (key.startsWith("arn:") ? resources : states).put(key, mock);
      } catch (IllegalArgumentException e) {
        problems.add(e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(source + ": " + String.join("; ", problems));
    }
    return new MockFile(states, resources, items, s3Objects);
  }

  // "$s3Objects": {"s3://bucket/key": content}; text is the content, any other JSON its compact text.
  private static void s3Objects(JsonNode objects, Map<String, String> into, List<String> problems) {
    if (!objects.isObject()) {
      problems.add("\"$s3Objects\" must be an object of s3://bucket/key URIs to contents");
      return;
    }
    objects.fields().forEachRemaining(object -> {
      String uri = object.getKey();
      int slash = uri.startsWith("s3://") ? uri.indexOf('/', 5) : -1;
      if (slash <= 5 || slash == uri.length() - 1) {
        problems.add("\"$s3Objects\" key '" + uri + "' is not an s3://bucket/key URI");
        return;
      }
      JsonNode content = object.getValue();
      into.put(uri.substring(5), content.isTextual() ? content.textValue() : JsonValues.compact(content));
    });
  }

  private static Mock mock(JsonNode value, String where) {
    if (!value.isObject() || !hasDollarKey(value)) {
      return Mock.result(value);
    }
    ObjectNode object = (ObjectNode) value;
    Mock mock;
    if (object.has("$sequence")) {
      JsonNode sequence = object.get("$sequence");
      if (!sequence.isArray() || sequence.isEmpty()) {
        throw new IllegalArgumentException(where + ": \"$sequence\" must be a non-empty array of mocks");
      }
      List<Mock> mocks = new ArrayList<>();
      for (int i = 0; i < sequence.size(); i++) {
        mocks.add(mock(sequence.get(i), where + "/$sequence/" + i));
      }
      mock = Mock.sequence(mocks.toArray(new Mock[0]));
    } else if (object.has("$error")) {
      JsonNode cause = object.get("$cause");
      mock = Mock.error(object.get("$error").asText(), cause == null ? null : cause.isTextual() ? cause.textValue()
          : JsonValues.compact(cause));
    } else if (object.has("$echo")) {
      mock = Mock.echo();
    } else if (object.has("$merge")) {
      JsonNode extra = object.get("$merge");
      mock = Mock.of(input -> {
        ObjectNode merged = input.isObject() ? ((ObjectNode) input).deepCopy() : JsonValues.object();
        merged.setAll((ObjectNode) extra);
        return merged;
      });
    } else if (object.has("$result")) {
      mock = Mock.result(object.get("$result"));
    } else {
      throw new IllegalArgumentException(where + ": an object with $ keys must have one of $result, $error, $sequence, "
          + "$echo, $merge; got " + JsonValues.compact(value));
    }
    if (object.has("$seconds")) {
      if (!object.get("$seconds").isNumber() || object.get("$seconds").asDouble() < 0) {
        throw new IllegalArgumentException(where + ": \"$seconds\" must be a non-negative number");
      }
      mock = mock.taking(Duration.ofMillis(Math.round(object.get("$seconds").asDouble() * 1000)));
    }
    if (object.path("$heartbeats").asBoolean(false)) {
      mock = mock.sendingHeartbeats();
    }
    return mock;
  }

  private static boolean hasDollarKey(JsonNode object) {
    for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
      if (names.next().startsWith("$")) {
        return true;
      }
    }
    return false;
  }

  Map<String, Mock> states() {
    return states;
  }

  Map<String, Mock> resources() {
    return resources;
  }

  Map<String, JsonNode> items() {
    return items;
  }

  /** The S3 objects by {@code bucket/key}. */
  Map<String, String> s3Objects() {
    return s3Objects;
  }
}
