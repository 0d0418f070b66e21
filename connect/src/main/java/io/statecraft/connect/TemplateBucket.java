package io.statecraft.connect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The S3 bucket that templates over CloudFormation's 51,200-byte body limit go through: {@code
 * validate --remote} and {@code deploy} upload such a template there and give CloudFormation its
 * URL. The key is {@code <prefix>/<workflow id>/<sha256 of the template>.json}, so that a rerun
 * writes the same object again and no time goes into a name.
 *
 * @param bucket the bucket's name, such as {@code acme-cfn-templates}
 * @param prefix a key prefix without leading or trailing slashes, such as {@code statecraft/prod};
 *     empty for none
 */
public record TemplateBucket(String bucket, String prefix) {

  public TemplateBucket {
    Objects.requireNonNull(bucket, "bucket == null");
    bucket = bucket.strip();
    if (bucket.isEmpty() || bucket.contains("/")) {
      throw new IllegalArgumentException("an S3 bucket is a name such as acme-cfn-templates, not '" + bucket + "'");
    }
    prefix = prefix == null ? "" : prefix.strip().replaceAll("^/+|/+$", "");
  }

  /** The bucket, or null when no bucket is named (a blank name counts as none, as Maven gives it). */
  public static TemplateBucket of(String bucket, String prefix) {
    return bucket == null || bucket.isBlank() ? null : new TemplateBucket(bucket, prefix);
  }

  /** The key of a workflow's template: {@code <prefix>/<workflow id>/<sha256 hex>.json}. */
  public String key(String workflowId, String template) {
    Objects.requireNonNull(workflowId, "workflowId == null");
    return (prefix.isEmpty() ? "" : prefix + "/") + workflowId + "/" + HexFormat.of().formatHex(sha256(template))
        + ".json";
  }

  /** {@code s3://bucket/key}, as the AWS CLI names an object. */
  public String describe(String key) {
    return "s3://" + bucket + "/" + key;
  }

  static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
