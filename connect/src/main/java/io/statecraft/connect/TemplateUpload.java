package io.statecraft.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.statecraft.asl.json.JsonDocuments;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * How a template goes to CloudFormation, for {@link RemoteValidation} and {@link Deployment}
 * alike: as compact JSON by {@code TemplateBody} when it fits in 51,200 bytes; else, when a
 * {@link TemplateBucket} is given, uploaded with S3 {@code PutObject} and passed by {@code
 * TemplateURL}; else not at all, and the caller says so. The S3 client is made only when a
 * template needs it, so that a user with small templates needs no S3 permission.
 *
 * <p>References: ValidateTemplate and CreateChangeSet take a {@code TemplateBody} of at most
 * 51,200 bytes or a {@code TemplateURL} that starts with {@code https://}
 * (https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_CreateChangeSet.html);
 * PutObject, https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html.
 */
final class TemplateUpload implements AutoCloseable {

  /** A template as CloudFormation is given it: exactly one of {@code body} and {@code url}, or neither when too large. */
  record Template(int bytes, String body, String url) {

    /** Over the body limit and no bucket to go through. */
    boolean tooLarge() {
      return body == null && url == null;
    }
  }

  private final AwsSettings settings;
  private final TemplateBucket bucket;
  private final Consumer<String> log;
  private S3Client s3;

  TemplateUpload(AwsSettings settings, TemplateBucket bucket, Consumer<String> log) {
    this.settings = settings;
    this.bucket = bucket;
    this.log = log;
  }

  /** The workflow's template, uploaded first when it is over the body limit and there is a bucket. */
  Template of(GeneratedWorkflow workflow) {
    String body = compactJson(workflow);
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bytes <= RemoteValidation.MAX_TEMPLATE_BODY_BYTES) {
      return new Template(bytes, body, null);
    }
    if (bucket == null) {
      return new Template(bytes, null, null);
    }
    String key = bucket.key(workflow.id(), body);
    if (s3 == null) {
      s3 = settings.s3();
    }
    S3Client client = s3;
    // The SHA-256 is the key's already: sent as the object's checksum, S3 refuses a body that does not match it.
    AwsErrors.call("s3:PutObject", () -> client.putObject(request -> request.bucket(bucket.bucket()).key(key)
        .contentType("application/json").checksumSHA256(Base64.getEncoder().encodeToString(TemplateBucket.sha256(body))),
        RequestBody.fromString(body, StandardCharsets.UTF_8)));
    log.accept("uploaded the template of " + workflow.id() + " (" + bytes + " bytes, over CloudFormation's "
        + RemoteValidation.MAX_TEMPLATE_BODY_BYTES + " for a body) to " + bucket.describe(key));
    return new Template(bytes, null, url(key));
  }

  /**
   * The object's virtual-hosted-style HTTPS URL in the region, as S3Utilities gives it
   * ({@code https://bucket.s3.eu-west-1.amazonaws.com/key}): what CloudFormation reads, also
   * when the clients call an endpoint override.
   */
  private String url(String key) {
    return S3Utilities.builder().region(settings.resolveRegion()).build()
        .getUrl(request -> request.bucket(bucket.bucket()).key(key)).toExternalForm();
  }

  /** The template as compact JSON: the same as template.json, in far fewer of the 51,200 bytes. */
  static String compactJson(GeneratedWorkflow workflow) {
    try {
      return JsonDocuments.mapper().writeValueAsString(workflow.template());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the template of " + workflow.id(), e);
    }
  }

  /** How to give a bucket, for the messages about a template that is too large. */
  static final String GIVE_A_BUCKET = "give an S3 bucket to go through (--s3-bucket NAME, plugin: -Dstatecraft.s3Bucket=NAME)";

  @Override
  public void close() {
    if (s3 != null) {
      s3.close();
    }
  }
}
