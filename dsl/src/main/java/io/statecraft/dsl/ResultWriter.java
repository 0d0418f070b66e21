package io.statecraft.dsl;

import io.statecraft.dsl.asl.AslResultWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A distributed Map's {@code ResultWriter}: exports the child executions' results to S3, and/or
 * shapes them ({@code WriterConfig}). The execution role gets {@code s3:PutObject},
 * {@code s3:GetObject}, {@code s3:ListMultipartUploadParts} and {@code s3:AbortMultipartUpload} on
 * the prefix by itself.
 *
 * <pre>{@code
 * ResultWriter.s3(bucket.ref(), Value.of("results/")).outputType(OutputType.JSONL).transformation(Transformation.COMPACT)
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/step-functions/latest/dg/input-output-resultwriter.html">ResultWriter (Map)</a>
 */
public final class ResultWriter {

  /** {@code WriterConfig.OutputType}: one JSON array, or JSON Lines. */
  public enum OutputType {
    /** One JSON array per results file. */
    JSON,
    /** JSON Lines: one child result per line. */
    JSONL
  }

  /** {@code WriterConfig.Transformation}: the whole result, only the outputs, or outputs flattened. */
  public enum Transformation {
    /** Each child execution's whole result, with its metadata. */
    NONE,
    /** Only each child execution's output. */
    COMPACT,
    /** The outputs, and a child's array output flattened into single results. */
    FLATTEN
  }

  private final String resource;
  private final Map<String, Value> request = new LinkedHashMap<>();
  private final Map<String, Value> config = new LinkedHashMap<>();

  private ResultWriter(String resource) {
    this.resource = resource;
  }

  /** Exports the results under {@code prefix} ({@code s3:putObject}); {@code prefix} may be null. */
  public static ResultWriter s3(Value bucket, Value prefix) {
    ResultWriter writer = new ResultWriter("arn:aws:states:::s3:putObject");
    writer.request.put("Bucket", Objects.requireNonNull(bucket, "bucket == null"));
    if (prefix != null) {
      writer.request.put("Prefix", prefix);
    }
    return writer;
  }

  /** No export: only {@code WriterConfig}, which shapes the results the state outputs. */
  public static ResultWriter inOutput() {
    return new ResultWriter(null);
  }

  /** {@code WriterConfig.OutputType}. */
  public ResultWriter outputType(OutputType type) {
    config.put("OutputType", Value.of(type.name()));
    return this;
  }

  /** {@code WriterConfig.Transformation}. */
  public ResultWriter transformation(Transformation transformation) {
    config.put("Transformation", Value.of(transformation.name()));
    return this;
  }

  AslResultWriter toAsl(boolean jsonata) {
    ObjectValue fields = resource == null ? null : MapFields.object(request);
    return new AslResultWriter(resource, jsonata ? null : fields, jsonata ? fields : null,
        config.isEmpty() ? null : MapFields.object(config), Map.of());
  }
}
