package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.workflow.S3Bucket;
import io.statecraft.dsl.workflow.TemplateValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link S3Bucket}: {@code AWS::S3::Bucket} with public access blocked and default encryption
 * (SSE-S3, or SSE-KMS with a bucket key), or nothing for an existing bucket, whose name is the last
 * part of its ARN {@code arn:PARTITION:s3:::NAME}.
 */
record S3BucketTemplate(S3Bucket bucket) implements ResourceTemplate {

  @Override
  public List<TemplateValue> propertyValues() {
    return Arrays.asList(bucket.existingArn(), bucket.kmsKey() == null ? null : bucket.kmsKey().existingArn());
  }

  @Override
  public Optional<ArnPlaceholder> arnPlaceholder() {
    return ArnPlaceholder.of(bucket);
  }

  @Override
  public Map<String, JsonNode> placeholders() {
    return Map.of(bucket.name().name(), bucket.isExisting()
        ? TemplateJson.select(5, ":", TemplateJson.ref(bucket.existingArn().name()))
        : TemplateJson.ref(bucket.logicalId())); // a bucket's Ref is its name
  }

  @Override
  public void write(TemplateContext context) {
    if (bucket.isExisting()) {
      return;
    }
    ObjectNode properties = context.resource(bucket.logicalId(), "AWS::S3::Bucket");
    ObjectNode rule = properties.putObject("BucketEncryption").putArray("ServerSideEncryptionConfiguration").addObject();
    ObjectNode byDefault = rule.putObject("ServerSideEncryptionByDefault");
    if (bucket.kmsKey() == null) {
      byDefault.put("SSEAlgorithm", "AES256");
    } else {
      byDefault.put("SSEAlgorithm", "aws:kms");
      byDefault.set("KMSMasterKeyID", TemplateJson.value(bucket.kmsKey().templateArn()));
      rule.put("BucketKeyEnabled", true);
    }
    ObjectNode block = properties.putObject("PublicAccessBlockConfiguration");
    for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
      block.put(setting, true);
    }
  }
}
