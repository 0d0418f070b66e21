package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import java.util.List;

/**
 * An S3 bucket: created by the stack (public access blocked, encrypted with S3's key or
 * {@link #kmsKey(KmsKey)}), or an existing one by ARN, whose name the template derives from it.
 * KMS grants follow https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html:
 * {@code kms:Decrypt} to download, {@code kms:GenerateDataKey} and {@code kms:Decrypt} to upload.
 */
public final class S3Bucket extends StackResource {

  private S3Bucket(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /**
   * An S3 bucket the stack creates, with the logical id {@code logicalId} in the template (which
   * also names the parameters and outputs derived from it). List it in the workflow's {@code
   * resources(...)}.
   */
  public static S3Bucket named(String logicalId) {
    return new S3Bucket(logicalId, null);
  }

  /**
   * An S3 bucket that exists already, given at deploy time by the ARN in the stack parameter {@code
   * bucketArn}: the stack does not create it, and the statements of the execution role are scoped
   * to that ARN. Its logical id is the parameter's name.
   */
  public static S3Bucket existing(Parameter bucketArn) {
    return new S3Bucket(required(bucketArn).name(), bucketArn);
  }

  /** The customer managed key that encrypts the bucket. */
  public S3Bucket kmsKey(KmsKey key) {
    encryptWith(key);
    return this;
  }

  /** The bucket's name in the definition: {@code ${<Base>Name}}. */
  public Placeholder name() {
    return placeholder("Name");
  }

  /** {@code s3:GetObject} on the keys matching {@code keyPattern} ({@code reports/*}), with the key's grant. */
  public List<IamStatement> readStatements(String keyPattern) {
    return withKey(IamStatement.allow("s3:GetObject", policyArn() + "/" + keyPattern), "kms:Decrypt");
  }

  /** {@code s3:PutObject} on the keys matching {@code keyPattern}, with the key's grants. */
  public List<IamStatement> writeStatements(String keyPattern) {
    return withKey(IamStatement.allow("s3:PutObject", policyArn() + "/" + keyPattern), "kms:Decrypt", "kms:GenerateDataKey");
  }

  /** {@code s3:ListBucket} on the bucket. */
  public IamStatement listStatement() {
    return IamStatement.allow("s3:ListBucket", policyArn());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.bucket(this);
  }
}
