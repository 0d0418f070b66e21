package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslItemReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A distributed Map's {@code ItemReader}: where its items come from, typed so that a misspelled
 * input type, delimiter or field cannot be written. Without a reader, the items are the state input
 * ({@link MapState#itemsPath(Path)} or {@link MapState#items(Value)}). The execution role gets
 * {@code s3:GetObject} on the object, or {@code s3:ListBucket} on the prefix, by itself.
 *
 * <pre>{@code
 * ItemReader.s3Object(bucket.ref(), Value.of("daily/orders.csv")).csv(CsvHeaderLocation.FIRST_ROW).maxItems(1000)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html">ItemReader (Map)</a>
 */
public final class ItemReader {

  /** {@code ReaderConfig.InputType}. */
  public enum InputType {
    /** Comma-separated (or other {@link CsvDelimiter delimited}) text; each row is one item. */
    CSV,
    /** One JSON array (or the array at {@code ItemsPointer}); each element is one item. */
    JSON,
    /** JSON Lines: one item per line. */
    JSONL,
    /** Apache Parquet; each row is one item. */
    PARQUET,
    /** A manifest ({@link ManifestType}) listing the objects whose rows are the items. */
    MANIFEST
  }

  /** {@code ReaderConfig.CSVHeaderLocation}: the first row, or {@link #csvHeaders(String...) given}. */
  public enum CsvHeaderLocation {
    /** The file's first row names the columns. */
    FIRST_ROW,
    /** The columns are named in the definition ({@code CSVHeaders}). */
    GIVEN
  }

  /** {@code ReaderConfig.CSVDelimiter}. */
  public enum CsvDelimiter {
    /** {@code ,}, the default. */
    COMMA,
    /** {@code |}. */
    PIPE,
    /** {@code ;}. */
    SEMICOLON,
    /** A space. */
    SPACE,
    /** A tab. */
    TAB
  }

  /** {@code ReaderConfig.ManifestType}: an Athena {@code UNLOAD} manifest or an S3 Inventory one. */
  public enum ManifestType {
    /** The manifest an Athena {@code UNLOAD} query writes; its lines are the data files' S3 URIs. */
    ATHENA_DATA,
    /** An S3 Inventory {@code manifest.json}; its {@code files} are the inventory's CSV files. */
    S3_INVENTORY
  }

  private final String resource;
  private final Map<String, Value> request = new LinkedHashMap<>();
  private final Map<String, Value> config = new LinkedHashMap<>();

  private ItemReader(String api, Value bucket, String location, Value where) {
    this.resource = "arn:aws:states:::s3:" + api;
    request.put("Bucket", Objects.requireNonNull(bucket, "bucket == null"));
    if (where != null) {
      request.put(location, where);
    }
  }

  /** One object ({@code s3:getObject}): give its format with {@link #csv}, {@link #json()} and so on. */
  public static ItemReader s3Object(Value bucket, Value key) {
    return new ItemReader("getObject", bucket, "Key", Objects.requireNonNull(key, "key == null"));
  }

  /** The objects under {@code prefix} ({@code s3:listObjectsV2}); each item describes one object. */
  public static ItemReader s3Objects(Value bucket, Value prefix) {
    return new ItemReader("listObjectsV2", bucket, "Prefix", prefix);
  }

  /**
   * The data files an Athena {@code UNLOAD} manifest lists, in {@code format} (CSV, JSONL or
   * PARQUET): {@code InputType} is the files' format and {@code ManifestType} is {@code ATHENA_DATA}.
   */
  public static ItemReader athenaDataManifest(Value bucket, Value key, InputType format) {
    if (format != InputType.CSV && format != InputType.JSONL && format != InputType.PARQUET) {
      throw new IllegalArgumentException("Athena data is CSV, JSONL or PARQUET, not " + format);
    }
    return s3Object(bucket, key).inputType(format).manifestType(ManifestType.ATHENA_DATA);
  }

  /** The objects an S3 Inventory {@code manifest.json} lists. */
  public static ItemReader s3InventoryManifest(Value bucket, Value key) {
    return s3Object(bucket, key).inputType(InputType.MANIFEST).manifestType(ManifestType.S3_INVENTORY);
  }

  /** A CSV file whose header is where {@code headerLocation} says. */
  public ItemReader csv(CsvHeaderLocation headerLocation) {
    return inputType(InputType.CSV).set("CSVHeaderLocation", Value.of(headerLocation.name()));
  }

  /** {@code CSVHeaders}: the column names, with {@link CsvHeaderLocation#GIVEN}. */
  public ItemReader csvHeaders(String... headers) {
    return set("CSVHeaders", Json.strings(headers));
  }

  /** {@code CSVDelimiter}; a comma unless set. */
  public ItemReader csvDelimiter(CsvDelimiter delimiter) {
    return set("CSVDelimiter", Value.of(delimiter.name()));
  }

  /** A JSON file holding an array (or the array at {@link #itemsPointer(String)}). */
  public ItemReader json() {
    return inputType(InputType.JSON);
  }

  /** A JSON Lines file: one item a line. */
  public ItemReader jsonl() {
    return inputType(InputType.JSONL);
  }

  /** A Parquet file. */
  public ItemReader parquet() {
    return inputType(InputType.PARQUET);
  }

  /** {@code InputType}. */
  public ItemReader inputType(InputType type) {
    return set("InputType", Value.of(type.name()));
  }

  /** {@code ManifestType}, with {@link InputType#MANIFEST}. */
  public ItemReader manifestType(ManifestType type) {
    return set("ManifestType", Value.of(type.name()));
  }

  /**
   * {@code ItemsPointer}: a JSON Pointer (RFC 6901) to the array inside the JSON file this reader
   * gets, such as {@code /data/items}; with {@link #json()} only ("ItemReader (Map)",
   * https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html). For the
   * state input, select the array or object with {@link MapState#itemsPath(Path)} or
   * {@link MapState#items(Value)} instead.
   *
   * @param pointer empty (the whole file) or {@code /}-separated tokens, {@code ~} written {@code ~0}
   *     and {@code /} inside a token {@code ~1}
   * @throws IllegalArgumentException when {@code pointer} is not a JSON Pointer
   */
  public ItemReader itemsPointer(String pointer) {
    Objects.requireNonNull(pointer, "pointer == null");
    boolean valid = pointer.isEmpty() || pointer.charAt(0) == '/';
    for (int i = 0; valid && i < pointer.length(); i++) {
      valid = pointer.charAt(i) != '~' || i + 1 < pointer.length() && (pointer.charAt(i + 1) == '0' || pointer.charAt(i + 1) == '1');
    }
    if (!valid) {
      throw new IllegalArgumentException("ItemsPointer '" + pointer + "' is not a JSON Pointer; write it like "
          + "/data/items, with ~0 for ~ and ~1 for / inside a name");
    }
    return set("ItemsPointer", Value.of(pointer));
  }

  /** {@code Transformation: LOAD_AND_FLATTEN}: reads each listed object and iterates over its items. */
  public ItemReader loadAndFlatten() {
    return set("Transformation", Value.of("LOAD_AND_FLATTEN"));
  }

  /** {@code MaxItems}: read at most this many items. Replaces {@link #maxItemsPath(Path)}. */
  public ItemReader maxItems(int max) {
    return maxItems(Value.of(max));
  }

  /** {@code MaxItems} as a JSONata expression. Replaces {@link #maxItemsPath(Path)}. */
  public ItemReader maxItems(Value max) {
    set("MaxItemsPath", null);
    return set("MaxItems", Objects.requireNonNull(max, "max == null"));
  }

  /** {@code MaxItemsPath} (JSONPath). Replaces {@link #maxItems(int)}. */
  public ItemReader maxItemsPath(Path path) {
    set("MaxItems", null);
    // A *Path field holds the path as text: its key takes no .$ suffix.
    return set("MaxItemsPath", Value.of(Objects.requireNonNull(path, "path == null").expression()));
  }

  /** {@code VersionId} of the object, in a versioned bucket. */
  public ItemReader versionId(Value versionId) {
    request.put("VersionId", versionId);
    return this;
  }

  private ItemReader set(String field, Value value) {
    config.remove(field);
    if (value != null) {
      config.put(field, value);
    }
    return this;
  }

  /** This reader as ASL: the request in {@code Parameters} (JSONPath) or {@code Arguments} (JSONata). */
  AslItemReader toAsl(boolean jsonata) {
    ObjectValue fields = MapFields.object(request);
    return new AslItemReader(resource, config.isEmpty() ? null : MapFields.object(config),
        jsonata ? null : fields, jsonata ? fields : null, Map.of());
  }
}
