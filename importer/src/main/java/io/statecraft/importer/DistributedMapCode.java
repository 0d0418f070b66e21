package io.statecraft.importer;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import io.statecraft.dsl.ArrayValue;
import io.statecraft.dsl.ItemReader;
import io.statecraft.dsl.NumberValue;
import io.statecraft.dsl.ObjectValue;
import io.statecraft.dsl.Path;
import io.statecraft.dsl.ResultWriter;
import io.statecraft.dsl.StringValue;
import io.statecraft.dsl.Value;
import io.statecraft.dsl.asl.AslItemBatcher;
import io.statecraft.dsl.asl.AslItemReader;
import io.statecraft.dsl.asl.AslResultWriter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes a distributed Map's {@code ItemReader}, {@code ItemBatcher} and {@code ResultWriter} with
 * the DSL's fluent builders ({@code ItemReader.s3Object(...).csv(...)}, {@code ItemBatcher.create()...},
 * {@code ResultWriter.s3(...)...}): they read like hand-written code, refuse misspelled constants,
 * and give the execution role its S3 grants. A part holding something the builders cannot express
 * (another {@code Resource}, an unknown field, a limit together with its {@code *Path}) gets no
 * builder code; {@link Part#whyNot()} says why, and the caller writes the raw record instead.
 *
 * <p>The fields are those of "ItemReader (Map)"
 * (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html), "ItemBatcher
 * (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itembatcher.html) and
 * "ResultWriter (Map)" (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html).
 */
final class DistributedMapCode {

  private static final String DSL = "io.statecraft.dsl";
  private static final ClassName ITEM_READER = ClassName.get(DSL, "ItemReader");
  private static final ClassName ITEM_BATCHER = ClassName.get(DSL, "ItemBatcher");
  private static final ClassName RESULT_WRITER = ClassName.get(DSL, "ResultWriter");
  private static final ClassName PATH = ClassName.get(DSL, "Path");
  private static final String GET_OBJECT = "arn:aws:states:::s3:getObject";
  private static final String LIST_OBJECTS = "arn:aws:states:::s3:listObjectsV2";
  private static final String PUT_OBJECT = "arn:aws:states:::s3:putObject";
  private static final Set<String> READER_CONFIG = Set.of("InputType", "CSVHeaderLocation", "CSVHeaders",
      "CSVDelimiter", "MaxItems", "MaxItemsPath", "ItemsPointer", "ManifestType", "Transformation");
  private static final Set<String> ATHENA_FORMATS = Set.of("CSV", "JSONL", "PARQUET");

  /**
   * A part's builder code, or when there is none, why (fixed text: it becomes a Java comment, so it
   * holds nothing read from the definition).
   */
  record Part(CodeBlock code, String whyNot) {

    static Part of(CodeBlock code) {
      return new Part(code, null);
    }

    static Part no(String why) {
      return new Part(null, why);
    }
  }

  private final boolean jsonata;
  private final Function<Value, CodeBlock> value;
  private final Function<ObjectValue, CodeBlock> objectBuilder;

  /**
   * @param jsonata whether the Map's effective query language is JSONata, in which case the
   *     builders put the S3 request in {@code Arguments} rather than {@code Parameters}
   * @param value the code of a value given to a builder method ({@code Value.of("x")}, {@code Path.of("$.x")})
   * @param objectBuilder the code of a {@code Json.object()...} builder, without {@code .build()}
   */
  DistributedMapCode(boolean jsonata, Function<Value, CodeBlock> value, Function<ObjectValue, CodeBlock> objectBuilder) {
    this.jsonata = jsonata;
    this.value = value;
    this.objectBuilder = objectBuilder;
  }

  Part itemReader(AslItemReader reader) {
    if (!reader.extensions().isEmpty()) {
      return Part.no("ItemReader written out: it has fields the ItemReader builder does not offer");
    }
    boolean getObject = GET_OBJECT.equals(reader.resource());
    if (!getObject && !LIST_OBJECTS.equals(reader.resource())) {
      return Part.no("ItemReader written out: the ItemReader builder reads with s3:getObject or s3:listObjectsV2 only");
    }
    Map<String, Value> request = request(reader.parameters(), reader.arguments());
    Set<String> requestFields = Set.of("Bucket", getObject ? "Key" : "Prefix", "VersionId");
    if (request == null || !request.containsKey("Bucket") || getObject && !request.containsKey("Key")
        || !requestFields.containsAll(request.keySet())) {
      return Part.no("ItemReader written out: the ItemReader builder's request holds only Bucket, Key or Prefix, and VersionId, in "
          + (jsonata ? "Arguments" : "Parameters"));
    }
    Map<String, Value> config = Map.of();
    if (reader.readerConfig() != null) {
      if (!(reader.readerConfig() instanceof ObjectValue object) || object.fields().isEmpty()) {
        return Part.no("ItemReader written out: its ReaderConfig is empty or not an object");
      }
      config = object.fields();
    }
    String problem = readerConfigProblem(config);
    if (problem != null) {
      return Part.no("ItemReader written out: " + problem);
    }

    String inputType = text(config.get("InputType"));
    String manifestType = text(config.get("ManifestType"));
    CodeBlock bucket = value.apply(request.get("Bucket"));
    CodeBlock.Builder code = CodeBlock.builder();
    Set<String> done = new HashSet<>();
    if (getObject && "MANIFEST".equals(inputType) && "S3_INVENTORY".equals(manifestType)) {
      code.add("$T.s3InventoryManifest($L, $L)", ITEM_READER, bucket, value.apply(request.get("Key")));
      done.addAll(List.of("InputType", "ManifestType"));
    } else if (getObject && "ATHENA_DATA".equals(manifestType) && ATHENA_FORMATS.contains(inputType)
        && !config.containsKey("CSVHeaderLocation")) {
      code.add("$T.athenaDataManifest($L, $L, $T.$L)", ITEM_READER, bucket, value.apply(request.get("Key")),
          ITEM_READER.nestedClass("InputType"), inputType);
      done.addAll(List.of("InputType", "ManifestType"));
    } else if (getObject) {
      code.add("$T.s3Object($L, $L)", ITEM_READER, bucket, value.apply(request.get("Key")));
    } else {
      Value prefix = request.get("Prefix");
      code.add("$T.s3Objects($L, $L)", ITEM_READER, bucket, prefix == null ? CodeBlock.of("null") : value.apply(prefix));
    }
    if (request.containsKey("VersionId")) {
      code.add("\n.versionId($L)", value.apply(request.get("VersionId")));
    }
    // In the order the definition has them; csv(...) sets InputType and CSVHeaderLocation at once.
    for (Map.Entry<String, Value> field : config.entrySet()) {
      String key = field.getKey();
      Value v = field.getValue();
      if (!done.add(key)) {
        continue;
      }
      switch (key) {
        case "InputType", "CSVHeaderLocation" -> {
          String location = text(config.get("CSVHeaderLocation"));
          if (location != null) {
            code.add("\n.csv($T.$L)", ITEM_READER.nestedClass("CsvHeaderLocation"), location);
            done.addAll(List.of("InputType", "CSVHeaderLocation"));
          } else {
            code.add(inputTypeCall(inputType));
          }
        }
        case "CSVHeaders" -> code.add("\n.csvHeaders($L)", ((ArrayValue) v).items().stream()
            .map(header -> CodeBlock.of("$L", JavaText.literal(text(header)))).collect(CodeBlock.joining(", ")));
        case "CSVDelimiter" -> code.add("\n.csvDelimiter($T.$L)", ITEM_READER.nestedClass("CsvDelimiter"), text(v));
        case "MaxItems" -> code.add(v instanceof NumberValue n && n.isInt() && n.value().scale() <= 0
            ? CodeBlock.of("\n.maxItems($L)", n.value().intValueExact()) : CodeBlock.of("\n.maxItems($L)", value.apply(v)));
        case "MaxItemsPath" -> code.add("\n.maxItemsPath($T.of($L))", PATH, JavaText.literal(text(v)));
        case "ItemsPointer" -> code.add("\n.itemsPointer($L)", JavaText.literal(text(v)));
        case "ManifestType" -> code.add("\n.manifestType($T.$L)", ITEM_READER.nestedClass("ManifestType"), text(v));
        case "Transformation" -> code.add("\n.loadAndFlatten()");
        default -> throw new IllegalStateException("unchecked ReaderConfig field " + key);
      }
    }
    return Part.of(code.build());
  }

  Part itemBatcher(AslItemBatcher batcher) {
    if (!batcher.extensions().isEmpty()) {
      return Part.no("ItemBatcher written out: it has fields the ItemBatcher builder does not offer");
    }
    if (batcher.maxItemsPerBatch() != null && batcher.maxItemsPerBatchPath() != null
        || batcher.maxInputBytesPerBatch() != null && batcher.maxInputBytesPerBatchPath() != null) {
      return Part.no("ItemBatcher written out: it sets a limit and its Path, of which the ItemBatcher builder keeps one");
    }
    if (notAPath(batcher.maxItemsPerBatchPath()) || notAPath(batcher.maxInputBytesPerBatchPath())) {
      return Part.no("ItemBatcher written out: one of its *Path fields is not a JSONPath the ItemBatcher builder takes");
    }
    if (batcher.batchInput() != null && !(batcher.batchInput() instanceof ObjectValue)) {
      return Part.no("ItemBatcher written out: its BatchInput is not an object");
    }
    CodeBlock.Builder code = CodeBlock.builder().add("$T.create()", ITEM_BATCHER);
    limit(code, "maxItemsPerBatch", batcher.maxItemsPerBatch(), batcher.maxItemsPerBatchPath());
    limit(code, "maxInputBytesPerBatch", batcher.maxInputBytesPerBatch(), batcher.maxInputBytesPerBatchPath());
    if (batcher.batchInput() instanceof ObjectValue input) {
      code.add("\n.batchInput($L)", objectBuilder.apply(input));
    }
    return Part.of(code.build());
  }

  Part resultWriter(AslResultWriter writer) {
    if (!writer.extensions().isEmpty()) {
      return Part.no("ResultWriter written out: it has fields the ResultWriter builder does not offer");
    }
    Map<String, Value> config = Map.of();
    if (writer.writerConfig() != null) {
      if (!(writer.writerConfig() instanceof ObjectValue object) || object.fields().isEmpty()) {
        return Part.no("ResultWriter written out: its WriterConfig is empty or not an object");
      }
      config = object.fields();
    }
    for (Map.Entry<String, Value> field : config.entrySet()) {
      boolean typed = switch (field.getKey()) {
        case "OutputType" -> isConstant(field.getValue(), ResultWriter.OutputType.values());
        case "Transformation" -> isConstant(field.getValue(), ResultWriter.Transformation.values());
        default -> false;
      };
      if (!typed) {
        return Part.no("ResultWriter written out: the ResultWriter builder's WriterConfig is an OutputType and a Transformation"
            + " it knows");
      }
    }
    CodeBlock.Builder code = CodeBlock.builder();
    if (writer.resource() == null && writer.parameters() == null && writer.arguments() == null) {
      code.add("$T.inOutput()", RESULT_WRITER);
    } else {
      Map<String, Value> request = request(writer.parameters(), writer.arguments());
      if (!PUT_OBJECT.equals(writer.resource()) || request == null || !request.containsKey("Bucket")
          || !Set.of("Bucket", "Prefix").containsAll(request.keySet())) {
        return Part.no("ResultWriter written out: the ResultWriter builder exports with s3:putObject to a Bucket and Prefix in "
            + (jsonata ? "Arguments" : "Parameters"));
      }
      Value prefix = request.get("Prefix");
      code.add("$T.s3($L, $L)", RESULT_WRITER, value.apply(request.get("Bucket")),
          prefix == null ? CodeBlock.of("null") : value.apply(prefix));
    }
    config.forEach((key, v) -> code.add("\n.$L($T.$L)", key.equals("OutputType") ? "outputType" : "transformation",
        RESULT_WRITER.nestedClass(key), text(v)));
    return Part.of(code.build());
  }

  // The S3 request, where the builders put it for the Map's query language; null when it is elsewhere too.
  private Map<String, Value> request(Value parameters, Value arguments) {
    Value request = jsonata ? arguments : parameters;
    Value other = jsonata ? parameters : arguments;
    return other == null && request instanceof ObjectValue object ? object.fields() : null;
  }

  // Null when every ReaderConfig field is one the builder has a method for, with a value it takes.
  private static String readerConfigProblem(Map<String, Value> config) {
    if (!READER_CONFIG.containsAll(config.keySet())) {
      return "its ReaderConfig has fields the ItemReader builder does not offer";
    }
    if (config.containsKey("MaxItems") && config.containsKey("MaxItemsPath")) {
      return "its ReaderConfig sets MaxItems and MaxItemsPath, of which the ItemReader builder keeps one";
    }
    if (!constantOrAbsent(config.get("InputType"), ItemReader.InputType.values())
        || !constantOrAbsent(config.get("CSVHeaderLocation"), ItemReader.CsvHeaderLocation.values())
        || !constantOrAbsent(config.get("CSVDelimiter"), ItemReader.CsvDelimiter.values())
        || !constantOrAbsent(config.get("ManifestType"), ItemReader.ManifestType.values())) {
      return "its ReaderConfig has a constant the ItemReader builder does not offer";
    }
    if (config.containsKey("CSVHeaderLocation") && !"CSV".equals(text(config.get("InputType")))) {
      return "its ReaderConfig has a CSVHeaderLocation without InputType CSV, which the ItemReader builder sets together";
    }
    if (config.containsKey("Transformation") && !"LOAD_AND_FLATTEN".equals(text(config.get("Transformation")))) {
      return "its ReaderConfig Transformation is not LOAD_AND_FLATTEN, the one the ItemReader builder offers";
    }
    if (config.get("CSVHeaders") != null && !(config.get("CSVHeaders") instanceof ArrayValue headers
        && headers.items().stream().allMatch(header -> header instanceof StringValue))) {
      return "its ReaderConfig CSVHeaders is not a list of names";
    }
    if (config.containsKey("MaxItemsPath") && !isPath(config.get("MaxItemsPath"))) {
      return "its ReaderConfig MaxItemsPath is not a JSONPath the ItemReader builder takes";
    }
    if (config.containsKey("ItemsPointer") && !isPointer(config.get("ItemsPointer"))) {
      return "its ReaderConfig ItemsPointer is not a JSON Pointer the ItemReader builder takes";
    }
    return null;
  }

  private static CodeBlock inputTypeCall(String inputType) {
    return switch (inputType) {
      case "JSON" -> CodeBlock.of("\n.json()");
      case "JSONL" -> CodeBlock.of("\n.jsonl()");
      case "PARQUET" -> CodeBlock.of("\n.parquet()");
      default -> CodeBlock.of("\n.inputType($T.$L)", ITEM_READER.nestedClass("InputType"), inputType);
    };
  }

  private void limit(CodeBlock.Builder code, String method, Value limit, Value path) {
    if (limit instanceof NumberValue n && n.isInt() && n.value().scale() <= 0) {
      code.add("\n.$L($L)", method, n.value().intValueExact());
    } else if (limit != null) {
      code.add("\n.$L($L)", method, value.apply(limit));
    }
    if (path instanceof Path p) {
      code.add("\n.$LPath($T.of($L))", method, PATH, JavaText.literal(p.expression()));
    }
  }

  private static boolean notAPath(Value path) {
    return path != null && !(path instanceof Path p && isPath(Value.of(p.expression())));
  }

  private static String text(Value value) {
    return value instanceof StringValue s ? s.value() : null;
  }

  private static boolean constantOrAbsent(Value value, Enum<?>[] constants) {
    return value == null || isConstant(value, constants);
  }

  private static boolean isConstant(Value value, Enum<?>[] constants) {
    String text = text(value);
    return text != null && Arrays.stream(constants).anyMatch(constant -> constant.name().equals(text));
  }

  // What the generated Path.of(...) would refuse when the class runs is refused here instead.
  private static boolean isPath(Value value) {
    try {
      return text(value) != null && Path.of(text(value)) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isPointer(Value value) {
    try {
      return text(value) != null
          && ItemReader.s3Object(Value.of("bucket"), Value.of("key")).itemsPointer(text(value)) != null;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
