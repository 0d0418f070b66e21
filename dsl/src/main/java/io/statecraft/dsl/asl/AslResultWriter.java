package io.statecraft.dsl.asl;

import io.statecraft.dsl.Value;
import java.util.Map;

/**
 * A distributed Map's {@code ResultWriter}.
 *
 * @param resource {@code arn:aws:states:::s3:putObject}, or null when only {@code WriterConfig} is set
 * @param writerConfig {@code WriterConfig}: {@code OutputType} and {@code Transformation}
 */
public record AslResultWriter(
    String resource, Value parameters, Value arguments, Value writerConfig, Map<String, Value> extensions) {

  /** Keeps an unmodifiable copy of the unknown fields. */
  public AslResultWriter {
    extensions = Extensions.copy(extensions);
  }
}
