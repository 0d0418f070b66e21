package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Every operation of the thirteen services on the test class path gets a resource, a payload and
 * IAM statements from the naming rules and the Service Authorization Reference, except the few
 * listed here, whose IAM actions are not named after them; those fail with a message saying how
 * to grant them.
 */
class EveryOperationTest {

  private static final List<Class<?>> SERVICES = List.of(
      software.amazon.awssdk.services.ec2.model.Ec2Request.class,
      software.amazon.awssdk.services.ssm.model.SsmRequest.class,
      software.amazon.awssdk.services.iam.model.IamRequest.class,
      software.amazon.awssdk.services.cloudtrail.model.CloudTrailRequest.class,
      software.amazon.awssdk.services.sns.model.SnsRequest.class,
      software.amazon.awssdk.services.s3.model.S3Request.class,
      software.amazon.awssdk.services.dynamodb.model.DynamoDbRequest.class,
      software.amazon.awssdk.services.sfn.model.SfnRequest.class,
      software.amazon.awssdk.services.lambda.model.LambdaRequest.class,
      software.amazon.awssdk.services.sqs.model.SqsRequest.class,
      software.amazon.awssdk.services.eventbridge.model.EventBridgeRequest.class,
      software.amazon.awssdk.services.ecs.model.EcsRequest.class,
      software.amazon.awssdk.services.batch.model.BatchRequest.class);

  @Test
  void everyOperationResolvesExceptTheKnownFew() throws Exception {
    TreeMap<String, Integer> resolved = new TreeMap<>();
    List<String> failed = new ArrayList<>();
    for (Class<?> base : SERVICES) {
      Path jar = Path.of(base.getProtectionDomain().getCodeSource().getLocation().toURI());
      String modelPackage = base.getPackageName().replace('.', '/') + "/";
      int count = 0;
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (var entry : Collections.list(zip.entries())) {
          String name = entry.getName();
          if (!name.startsWith(modelPackage) || !name.endsWith("Request.class") || name.contains("$")) {
            continue;
          }
          Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
          if (!base.isAssignableFrom(type) || type == base || Modifier.isAbstract(type.getModifiers())) {
            continue;
          }
          SdkRequest request = (SdkRequest) ((SdkBuilder<?, ?>) type.getMethod("builder").invoke(null)).build();
          try {
            SdkCall call = AwsSdk.call(request);
            assertThat(call.resource()).startsWith("arn:aws:states:::aws-sdk:");
            assertThat(call.iamStatements()).isNotEmpty();
            count++;
          } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).endsWith(
                "; give the statements yourself with AwsSdk.call(request).permissions(IamStatement...)");
            failed.add(SdkOperation.of(request.getClass()).toString());
          }
        }
      }
      resolved.put(base.getSimpleName(), count);
    }
    Collections.sort(failed);
    assertThat(failed).containsExactly(
        "cloudtrail:listInsightsMetricData", "dynamodb:batchExecuteStatement", "dynamodb:executeStatement",
        "dynamodb:executeTransaction", "iam:updateDelegationRequest", "s3:copyObject",
        "s3:createBucketMetadataConfiguration", "s3:createSession", "s3:deleteBucketMetadataConfiguration",
        "s3:getBucketMetadataConfiguration", "s3:listDirectoryBuckets", "s3:renameObject", "s3:selectObjectContent",
        "s3:uploadPartCopy", "s3:writeGetObjectResponse");
    assertThat(resolved.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1625);
  }
}
