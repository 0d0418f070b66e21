package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.Map;
import java.util.Objects;

/**
 * A distributed Map's {@code ItemReader}.
 *
 * @param resource the read integration, such as {@code arn:aws:states:::s3:getObject}
 * @param readerConfig {@code ReaderConfig}: {@code InputType}, {@code CSVHeaderLocation},
 *     {@code CSVHeaders}, {@code CSVDelimiter}, {@code MaxItems}/{@code MaxItemsPath},
 *     {@code ManifestType}; kept as an object
 * @param parameters JSONPath: the read request
 * @param arguments JSONata: the read request
 */
public record AslItemReader(
    String resource, Value readerConfig, Value parameters, Value arguments, Map<String, Value> extensions) {

  /**
   * Checks that the reader names its {@code Resource} (the S3 API it calls) and keeps an
   * unmodifiable copy of its unknown fields.
   */
  public AslItemReader {
    Objects.requireNonNull(resource, "resource == null");
    extensions = Extensions.copy(extensions);
  }
}
