package io.statecraft.asl.validate;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.asl.json.JsonPointers;
import io.statecraft.dsl.Jsonata;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The inside of a distributed Map's {@code ItemReader}, {@code ItemBatcher} and {@code ResultWriter}:
 * their resources, the values of their enumerations, the fields they take (a misspelled one gets
 * the nearest name), and the fields that exclude each other. As the Step Functions Developer Guide
 * describes them: "ItemReader (Map)"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html), "ItemBatcher
 * (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html) and
 * "ResultWriter (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html).
 */
final class MapFieldRules {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Pattern READ = Pattern.compile("arn:aws[a-z-]*:states:::s3:(getObject|listObjectsV2)");
  private static final Pattern WRITE = Pattern.compile("arn:aws[a-z-]*:states:::s3:putObject");
  /** Step Functions limits a batch's input to 256 KiB. */
  private static final long MAX_BATCH_BYTES = 262_144;

  private final Problems problems;
  private final FieldChecks checks;

  private MapFieldRules(Problems problems) {
    this.problems = problems;
    this.checks = new FieldChecks(problems);
  }

  static void check(StateEntry state, Problems problems) {
    MapFieldRules rules = new MapFieldRules(problems);
    JsonNode reader = state.get("ItemReader");
    if (reader != null && reader.isObject()) {
      rules.reader(reader, state.pointer("ItemReader"), state.isJsonata());
    }
    JsonNode batcher = state.get("ItemBatcher");
    if (batcher != null && batcher.isObject()) {
      rules.batcher(batcher, state.pointer("ItemBatcher"), state.isJsonata());
    }
    JsonNode writer = state.get("ResultWriter");
    if (writer != null && writer.isObject()) {
      rules.writer(writer, state.pointer("ResultWriter"));
    }
  }

  private void reader(JsonNode reader, String pointer, boolean jsonata) {
    if (reader.has("ItemsPointer")) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, JsonPointers.child(pointer, "ItemsPointer"), "ItemsPointer belongs "
          + "in ItemReader.ReaderConfig, next to InputType JSON; move it there");
    }
    fields(reader, pointer, "ItemReader", List.of("Resource", "ReaderConfig", "Parameters", "Arguments", "ItemsPointer"));
    String resource = checks.string(reader, pointer, "Resource");
    boolean list = resource != null && resource.endsWith(":s3:listObjectsV2");
    if (reader.has("Resource") && resource != null && !READ.matcher(resource).matches() && !Placeholders.contains(resource)) {
      resource(pointer, resource, List.of("arn:aws:states:::s3:getObject", "arn:aws:states:::s3:listObjectsV2"));
    } else if (!reader.has("Resource")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "ItemReader needs Resource: "
          + "arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2");
    }
    request(reader, pointer, list ? List.of("Bucket") : List.of("Bucket", "Key"),
        list ? List.of("Bucket", "Prefix", "StartAfter", "ExpectedBucketOwner", "RequestPayer")
            : List.of("Bucket", "Key", "VersionId", "ExpectedBucketOwner", "RequestPayer"), "Bucket");
    JsonNode config = reader.get("ReaderConfig");
    if (config == null || !config.isObject()) {
      return;
    }
    String at = JsonPointers.child(pointer, "ReaderConfig");
    fields(config, at, "ReaderConfig", List.of("InputType", "CSVHeaderLocation", "CSVHeaders", "CSVDelimiter",
        "ManifestType", "Transformation", "ItemsPointer", "MaxItems", "MaxItemsPath"));
    checks.oneOf(config, at, "InputType", List.of("CSV", "JSON", "JSONL", "PARQUET", "MANIFEST"), jsonata);
    checks.oneOf(config, at, "CSVHeaderLocation", List.of("FIRST_ROW", "GIVEN"), jsonata);
    checks.oneOf(config, at, "CSVDelimiter", List.of("COMMA", "PIPE", "SEMICOLON", "SPACE", "TAB"), jsonata);
    checks.oneOf(config, at, "ManifestType", List.of("ATHENA_DATA", "S3_INVENTORY"), jsonata);
    checks.oneOf(config, at, "Transformation", List.of("NONE", "LOAD_AND_FLATTEN"), jsonata);
    itemsPointer(config, at, list, jsonata);
    manifestInputType(config, at);
    if ("GIVEN".equals(config.path("CSVHeaderLocation").asText()) && !config.has("CSVHeaders")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, at, "\"CSVHeaderLocation\": \"GIVEN\" needs CSVHeaders, "
          + "the column names; give them, or read them from the FIRST_ROW");
    }
    checks.number(config, at, new FieldChecks.NumberSpec("MaxItems", true, BigDecimal.ZERO,
        BigDecimal.valueOf(100_000_000), jsonata, "MaxItemsPath"));
    exclusive(config, at, "MaxItems", "MaxItemsPath");
  }

  /**
   * {@code ReaderConfig.ItemsPointer}: a JSON Pointer (RFC 6901) to the array inside a JSON file that
   * {@code s3:getObject} reads. Only JSON files have nested arrays to point at, so with another
   * {@code InputType} (or a listing of objects) it is an error the service would reject.
   */
  private void itemsPointer(JsonNode config, String at, boolean list, boolean jsonata) {
    String pointer = checks.string(config, at, "ItemsPointer");
    if (pointer == null) {
      return;
    }
    String field = JsonPointers.child(at, "ItemsPointer");
    String inputType = config.path("InputType").asText("");
    if (list) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, field, "ItemsPointer selects an array inside one JSON file, "
          + "but s3:listObjectsV2 lists objects; remove it, or read the file with arn:aws:states:::s3:getObject");
    } else if (!inputType.equals("JSON") && config.has("InputType") && !Placeholders.contains(inputType)
        && !(jsonata && Jsonata.isExpression(inputType))) {
      problems.error(ProblemCode.FIELD_NOT_ALLOWED, field, "ItemsPointer points into a JSON file, but InputType is "
          + inputType + "; remove it, or set \"InputType\": \"JSON\"");
    }
    if (Placeholders.contains(pointer) || jsonata && Jsonata.isExpression(pointer)) {
      return;
    }
    String problem = jsonPointerProblem(pointer);
    if (problem != null) {
      problems.error(ProblemCode.INVALID_JSON_POINTER, field, "ItemsPointer '" + pointer + "' is not a JSON Pointer: "
          + problem + "; write it like /data/items (RFC 6901)");
    }
  }

  /**
   * {@code ManifestType} decides which {@code InputType} goes with it: an S3 Inventory manifest is
   * read as {@code MANIFEST}, while for an Athena data manifest {@code InputType} is the format of the
   * data files the UNLOAD wrote (CSV, JSONL or PARQUET), as "ItemReader (Map)" describes them.
   */
  private void manifestInputType(JsonNode config, String at) {
    String manifest = config.path("ManifestType").asText("");
    String inputType = config.path("InputType").asText("");
    if (!config.path("InputType").isTextual() || Placeholders.contains(inputType)) {
      return;
    }
    if (manifest.equals("ATHENA_DATA") && !List.of("CSV", "JSONL", "PARQUET").contains(inputType)) {
      problems.error(ProblemCode.INVALID_ENUM_VALUE, JsonPointers.child(at, "InputType"), "with \"ManifestType\": "
          + "\"ATHENA_DATA\", InputType is the format of the data files: CSV or JSONL or PARQUET, got '" + inputType + "'");
    } else if (manifest.equals("S3_INVENTORY") && !inputType.equals("MANIFEST")) {
      problems.error(ProblemCode.INVALID_ENUM_VALUE, JsonPointers.child(at, "InputType"), "with \"ManifestType\": "
          + "\"S3_INVENTORY\", InputType must be MANIFEST, got '" + inputType + "'");
    }
  }

  /** What makes {@code text} no JSON Pointer (RFC 6901), or null when it is one. */
  static String jsonPointerProblem(String text) {
    if (!text.isEmpty() && text.charAt(0) != '/') {
      return "it must start with /" + (text.startsWith("$") ? " (it is not a JSONPath)" : "");
    }
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '~' && (i + 1 == text.length() || text.charAt(i + 1) != '0' && text.charAt(i + 1) != '1')) {
        return "~ must be followed by 0 (for ~) or 1 (for /)";
      }
    }
    return null;
  }

  private void batcher(JsonNode batcher, String pointer, boolean jsonata) {
    fields(batcher, pointer, "ItemBatcher", List.of("MaxItemsPerBatch", "MaxItemsPerBatchPath", "MaxInputBytesPerBatch",
        "MaxInputBytesPerBatchPath", "BatchInput"));
    checks.number(batcher, pointer, new FieldChecks.NumberSpec("MaxItemsPerBatch", true, BigDecimal.ONE, null,
        jsonata, "MaxItemsPerBatchPath"));
    checks.number(batcher, pointer, new FieldChecks.NumberSpec("MaxInputBytesPerBatch", true, BigDecimal.ONE,
        BigDecimal.valueOf(MAX_BATCH_BYTES), jsonata, "MaxInputBytesPerBatchPath"));
    exclusive(batcher, pointer, "MaxItemsPerBatch", "MaxItemsPerBatchPath");
    exclusive(batcher, pointer, "MaxInputBytesPerBatch", "MaxInputBytesPerBatchPath");
    if (!batcher.has("MaxItemsPerBatch") && !batcher.has("MaxItemsPerBatchPath") && !batcher.has("MaxInputBytesPerBatch")
        && !batcher.has("MaxInputBytesPerBatchPath")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "ItemBatcher needs MaxItemsPerBatch or "
          + "MaxInputBytesPerBatch (or their Path variants)");
    }
  }

  private void writer(JsonNode writer, String pointer) {
    fields(writer, pointer, "ResultWriter", List.of("Resource", "Parameters", "Arguments", "WriterConfig"));
    String resource = checks.string(writer, pointer, "Resource");
    if (resource != null && !WRITE.matcher(resource).matches() && !Placeholders.contains(resource)) {
      resource(pointer, resource, List.of("arn:aws:states:::s3:putObject"));
    }
    if (writer.has("Resource")) {
      request(writer, pointer, List.of("Bucket"), List.of("Bucket", "Prefix"), "Bucket");
    } else if (!writer.has("WriterConfig")) {
      problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "ResultWriter needs Resource "
          + "arn:aws:states:::s3:putObject with Bucket and Prefix, or WriterConfig, or both");
    }
    JsonNode config = writer.get("WriterConfig");
    if (config != null && config.isObject()) {
      String at = JsonPointers.child(pointer, "WriterConfig");
      fields(config, at, "WriterConfig", List.of("OutputType", "Transformation"));
      checks.oneOf(config, at, "OutputType", List.of("JSON", "JSONL"), false);
      checks.oneOf(config, at, "Transformation", List.of("NONE", "COMPACT", "FLATTEN"), false);
    }
  }

  // The S3 request of a reader or writer: its fields (keys with .$ count as themselves) and the required ones.
  private void request(JsonNode owner, String pointer, List<String> required, List<String> known, String first) {
    String field = owner.has("Arguments") ? "Arguments" : "Parameters";
    JsonNode request = owner.get(field);
    String at = JsonPointers.child(pointer, field);
    if (request == null || !request.isObject()) {
      if (request == null) {
        problems.error(ProblemCode.MISSING_REQUIRED_FIELD, pointer, "the S3 request needs " + field + " with "
            + String.join(" and ", required));
      }
      return;
    }
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      String plain = name.endsWith(".$") ? name.substring(0, name.length() - 2) : name;
      if (!known.contains(plain)) {
        checks.unknownField(JsonPointers.child(at, name), plain, "this S3 request", known);
      }
    }
    for (String name : required) {
      if (!request.has(name) && !request.has(name + ".$")) {
        problems.error(ProblemCode.MISSING_REQUIRED_FIELD, at, field + " needs " + name);
      }
    }
  }

  private void fields(JsonNode owner, String pointer, String what, List<String> known) {
    for (Iterator<String> names = owner.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        checks.unknownField(JsonPointers.child(pointer, name), name, what, known);
      }
    }
  }

  private void resource(String pointer, String resource, List<String> allowed) {
    String api = resource.substring(resource.lastIndexOf(':') + 1);
    List<String> apis = new ArrayList<>(allowed.size());
    for (String a : allowed) {
      apis.add(a.substring(a.lastIndexOf(':') + 1));
    }
    Optional<String> best = Spelling.nearest(api, apis);
    String hint = best.isPresent() ? "; did you mean arn:aws:states:::s3:" + best.get() + "?"
        : "; use " + String.join(" or ", allowed);
    problems.error(ProblemCode.INVALID_RESOURCE, JsonPointers.child(pointer, "Resource"),
        "'" + resource + "' is not a resource this field takes" + hint);
  }

  private void exclusive(JsonNode owner, String pointer, String one, String other) {
    if (owner.has(one) && owner.has(other)) {
      problems.error(ProblemCode.MUTUALLY_EXCLUSIVE_FIELDS, JsonPointers.child(pointer, other),
          one + " and " + other + " exclude each other; keep one");
    }
  }
}
