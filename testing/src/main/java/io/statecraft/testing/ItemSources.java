package io.statecraft.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * What a distributed Map's {@code ItemReader} reads, offline: the items of the S3 objects a test
 * gives with {@link LocalExecutor#s3Object(String, String, String)}, read the way the Step Functions
 * Developer Guide describes each input type in "ItemReader (Map)"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html): CSV rows as
 * objects of strings keyed by the header, a JSON file's array (or the one at {@code ItemsPointer}),
 * JSON Lines one item a line, the objects {@code s3:listObjectsV2} lists (and, with
 * {@code LOAD_AND_FLATTEN}, the items inside them), the rows of the files an S3 Inventory
 * {@code manifest.json} lists, and the records of the files an Athena {@code UNLOAD} manifest lists.
 * Parquet is binary and is not read offline: the test gives such a Map's items with
 * {@link LocalExecutor#items(String, String)}.
 *
 * <p>A source that is missing or cannot be read fails the Map with {@code States.ItemReaderFailed},
 * the error the service raises when the reader cannot read its input.
 */
final class ItemSources {

  private final String state;
  private final Map<String, String> objects;
  private final long listedAt;

  /**
   * @param state the Map state's name, for messages
   * @param objects the test's S3 objects by {@code bucket/key}, in key order
   * @param listedAt the epoch seconds a listing reports as every object's LastModified
   */
  ItemSources(String state, Map<String, String> objects, long listedAt) {
    this.state = state;
    this.objects = objects;
    this.listedAt = listedAt;
  }

  /** The items of a reader whose resource ends in {@code api}, with its evaluated request and its config. */
  JsonNode read(String api, JsonNode request, ReaderSettings config) throws StatesError {
    String bucket = text(request, "Bucket");
    if (api.equals("listObjectsV2")) {
      String prefix = request.path("Prefix").asText("");
      ArrayNode listed = list(bucket, prefix);
      if (!config.loadAndFlatten()) {
        return listed;
      }
      ArrayNode items = JsonValues.NODES.arrayNode();
      for (JsonNode object : listed) {
        items.addAll(file(bucket, object.get("Key").asText(), config));
      }
      return items;
    }
    String key = text(request, "Key");
    if ("MANIFEST".equals(config.inputType()) || "S3_INVENTORY".equals(config.manifestType())) {
      return inventory(bucket, key);
    }
    if ("ATHENA_DATA".equals(config.manifestType())) {
      return athena(bucket, key, config);
    }
    return file(bucket, key, config);
  }

  // The objects under a prefix, each as the service describes it (Etag, Key, LastModified, Size,
  // StorageClass). Offline the ETag is the MD5 of the content, as S3's is for a single-part upload.
  private ArrayNode list(String bucket, String prefix) {
    ArrayNode listed = JsonValues.NODES.arrayNode();
    String start = bucket + "/" + prefix;
    for (Map.Entry<String, String> object : objects.entrySet()) {
      if (!object.getKey().startsWith(start)) {
        continue;
      }
      byte[] bytes = object.getValue().getBytes(StandardCharsets.UTF_8);
      listed.addObject()
          .put("Etag", "\"" + Intrinsics.hex("MD5", object.getValue()) + "\"")
          .put("Key", object.getKey().substring(bucket.length() + 1))
          .put("LastModified", listedAt)
          .put("Size", bytes.length)
          .put("StorageClass", "STANDARD");
    }
    return listed;
  }

  // One data file in the reader's InputType.
  private ArrayNode file(String bucket, String key, ReaderSettings config) throws StatesError {
    String content = object(bucket, key);
    String type = config.inputType() == null ? "JSON" : config.inputType();
    switch (type) {
      case "CSV":
        return Csv.rows(content, config.delimiter(), config.headers());
      case "JSONL":
        return jsonLines(content, bucket, key);
      case "PARQUET":
        throw failed("reads s3://" + bucket + "/" + key + " as Parquet, which the offline executor does not read; "
            + "mock the items with .items(\"" + state + "\", \"[...]\")");
      default:
        return json(content, bucket, key, config.itemsPointer());
    }
  }

  private ArrayNode json(String content, String bucket, String key, String pointer) throws StatesError {
    JsonNode document = parse(content, bucket, key);
    JsonNode items = pointer == null ? document : document.at(pointer);
    if (items.isMissingNode()) {
      throw failed("finds nothing at ItemsPointer " + pointer + " in s3://" + bucket + "/" + key);
    }
    if (!items.isArray()) {
      throw failed("needs a JSON array in s3://" + bucket + "/" + key + (pointer == null ? "" : " at " + pointer)
          + ", got " + JsonValues.typeName(items) + (pointer == null && items.isObject()
              ? "; select the array inside with ItemReader.itemsPointer(\"/...\")" : ""));
    }
    return (ArrayNode) items;
  }

  private ArrayNode jsonLines(String content, String bucket, String key) throws StatesError {
    ArrayNode items = JsonValues.NODES.arrayNode();
    String[] lines = content.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      try {
        items.add(JsonValues.parse(lines[i], "line " + (i + 1)));
      } catch (IllegalArgumentException e) {
        throw failed("cannot read s3://" + bucket + "/" + key + ": " + e.getMessage());
      }
    }
    return items;
  }

  // An S3 Inventory manifest.json: its "files" are CSV files (in the destination bucket) whose
  // columns are named by "fileSchema"; every row is one item.
  private ArrayNode inventory(String bucket, String key) throws StatesError {
    JsonNode manifest = parse(object(bucket, key), bucket, key);
    String format = manifest.path("fileFormat").asText("");
    if (!format.equals("CSV")) {
      throw failed("reads the S3 Inventory manifest s3://" + bucket + "/" + key + " whose fileFormat is '" + format
          + "'; the offline executor reads CSV inventories only: mock the items with .items(\"" + state + "\", \"[...]\")");
    }
    List<String> headers = new ArrayList<>();
    for (String column : manifest.path("fileSchema").asText("").split(",")) {
      headers.add(column.trim());
    }
    String destination = manifest.path("destinationBucket").asText("");
    String filesBucket = destination.startsWith("arn:") ? destination.substring(destination.lastIndexOf(':') + 1) : bucket;
    ArrayNode items = JsonValues.NODES.arrayNode();
    for (JsonNode file : manifest.path("files")) {
      String fileKey = file.path("key").asText();
      items.addAll(Csv.rows(object(filesBucket, fileKey), ',', headers));
    }
    return items;
  }

  // An Athena UNLOAD manifest: one s3:// URI a line, each a data file in the reader's InputType.
  private ArrayNode athena(String bucket, String key, ReaderSettings config) throws StatesError {
    ArrayNode items = JsonValues.NODES.arrayNode();
    for (String line : object(bucket, key).split("\r?\n")) {
      String uri = line.trim();
      if (uri.isEmpty()) {
        continue;
      }
      int slash = uri.startsWith("s3://") ? uri.indexOf('/', 5) : -1;
      if (slash < 0) {
        throw failed("reads the Athena manifest s3://" + bucket + "/" + key + ", whose line '" + uri
            + "' is not an s3://bucket/key URI");
      }
      items.addAll(file(uri.substring(5, slash), uri.substring(slash + 1), config));
    }
    return items;
  }

  private String object(String bucket, String key) throws StatesError {
    String content = objects.get(bucket + "/" + key);
    if (content == null) {
      throw failed("reads s3://" + bucket + "/" + key + ", which the test does not give; add it with "
          + ".s3Object(\"" + bucket + "\", \"" + key + "\", content), or mock the items with .items(\"" + state
          + "\", \"[...]\")");
    }
    return content;
  }

  private JsonNode parse(String content, String bucket, String key) throws StatesError {
    try {
      return JsonValues.parse(content, "s3://" + bucket + "/" + key);
    } catch (IllegalArgumentException e) {
      throw failed("cannot read " + e.getMessage());
    }
  }

  private String text(JsonNode request, String field) throws StatesError {
    JsonNode value = request.get(field);
    if (value == null || !value.isTextual()) {
      throw failed("needs a string " + field + " in its request, got " + (value == null ? "none"
          : JsonValues.compact(value)));
    }
    return value.textValue();
  }

  private StatesError failed(String what) {
    return new StatesError(StatesError.ITEM_READER_FAILED, "The ItemReader of Map state '" + state + "' " + what);
  }

  /**
   * The literal fields of a {@code ReaderConfig} that decide how objects are read.
   *
   * @param inputType {@code InputType}, or null
   * @param manifestType {@code ManifestType}, or null
   * @param delimiter the character {@code CSVDelimiter} names (a comma by default)
   * @param headers {@code CSVHeaders} with {@code CSVHeaderLocation: GIVEN}; null for the first row
   * @param itemsPointer {@code ItemsPointer}, or null
   * @param loadAndFlatten whether {@code Transformation} is {@code LOAD_AND_FLATTEN}
   */
  record ReaderSettings(String inputType, String manifestType, char delimiter, List<String> headers,
      String itemsPointer, boolean loadAndFlatten) {

    /** Reads the settings from a {@code ReaderConfig} written as JSON (null when absent). */
    static ReaderSettings of(JsonNode config) {
      JsonNode fields = config == null ? JsonValues.NODES.objectNode() : config;
      List<String> headers = null;
      if ("GIVEN".equals(fields.path("CSVHeaderLocation").asText())) {
        headers = new ArrayList<>();
        for (JsonNode header : fields.path("CSVHeaders")) {
          headers.add(header.asText());
        }
      }
      return new ReaderSettings(textOrNull(fields, "InputType"), textOrNull(fields, "ManifestType"),
          delimiter(fields.path("CSVDelimiter").asText("COMMA")), headers, textOrNull(fields, "ItemsPointer"),
          "LOAD_AND_FLATTEN".equals(fields.path("Transformation").asText()));
    }

    private static String textOrNull(JsonNode fields, String field) {
      JsonNode value = fields.get(field);
      return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static char delimiter(String name) {
      return switch (name) {
        case "PIPE" -> '|';
        case "SEMICOLON" -> ';';
        case "SPACE" -> ' ';
        case "TAB" -> '\t';
        default -> ',';
      };
    }
  }

  /**
   * CSV as RFC 4180 writes it (quoted fields with doubled quotes, CRLF or LF line ends). Written here
   * because no CSV library is among the module's dependencies and the reader needs only this much.
   */
  static final class Csv {

    private Csv() {}

    /** The rows of {@code content} as objects of strings, keyed by {@code headers} or the first row. */
    static ArrayNode rows(String content, char delimiter, List<String> headers) {
      List<List<String>> records = records(content, delimiter);
      Iterator<List<String>> rows = records.iterator();
      List<String> names = headers;
      if (names == null) {
        names = rows.hasNext() ? rows.next() : List.of();
      }
      ArrayNode items = JsonValues.NODES.arrayNode();
      while (rows.hasNext()) {
        List<String> row = rows.next();
        ObjectNode item = items.addObject();
        for (int i = 0; i < names.size(); i++) {
          item.put(names.get(i), i < row.size() ? row.get(i) : "");
        }
      }
      return items;
    }

    static List<List<String>> records(String content, char delimiter) {
      List<List<String>> records = new ArrayList<>();
      List<String> record = new ArrayList<>();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean any = false;
      for (int i = 0; i < content.length(); i++) {
        char c = content.charAt(i);
        if (quoted) {
          if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
            field.append('"');
            i++;
          } else if (c == '"') {
            quoted = false;
          } else {
            field.append(c);
          }
          continue;
        }
        if (c == '"') {
          quoted = true;
          any = true;
        } else if (c == delimiter) {
          record.add(field.toString());
          field.setLength(0);
          any = true;
        } else if (c == '\n' || c == '\r') {
          if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
            i++;
          }
          if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
          }
          record = new ArrayList<>();
          field.setLength(0);
          any = false;
        } else {
          field.append(c);
          any = true;
        }
      }
      if (any || field.length() > 0) {
        record.add(field.toString());
        records.add(record);
      }
      return records;
    }
  }
}
