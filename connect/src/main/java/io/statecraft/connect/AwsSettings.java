package io.statecraft.connect;

import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sfn.SfnClient;

/**
 * Where and as whom Statecraft calls AWS. Each value left out comes from the SDK's default chains
 * (environment, system properties, {@code ~/.aws/config} and {@code credentials}, SSO, container
 * and instance roles), as with the AWS CLI.
 *
 * @param region the region, such as {@code eu-west-1}; null for the default chain
 * @param profile the named profile of {@code ~/.aws/config}; null for the default chain
 * @param endpoint one endpoint for every service (LocalStack, an emulator, the tests' loopback
 *     server); null for AWS's own endpoints
 * @param credentials the credentials; null for the profile or the default chain (tests pass
 *     static fake ones)
 */
public record AwsSettings(String region, String profile, URI endpoint, AwsCredentialsProvider credentials) {

  /** Everything from the SDK's default chains. */
  public static AwsSettings defaults() {
    return new AwsSettings(null, null, null, null);
  }

  public AwsSettings withRegion(String newRegion) {
    return new AwsSettings(newRegion, profile, endpoint, credentials);
  }

  public AwsSettings withProfile(String newProfile) {
    return new AwsSettings(region, newProfile, endpoint, credentials);
  }

  public AwsSettings withEndpoint(URI newEndpoint) {
    return new AwsSettings(region, profile, newEndpoint, credentials);
  }

  public AwsSettings withCredentials(AwsCredentialsProvider newCredentials) {
    return new AwsSettings(region, profile, endpoint, newCredentials);
  }

  /** The region to call, resolved now so that a missing one is one clear message. */
  public Region resolveRegion() {
    if (region != null && !region.isBlank()) {
      return Region.of(region.strip());
    }
    try {
      Region found = profile != null
          ? new AwsProfileRegionProvider(() -> ProfileFile.defaultProfileFile(), profile).getRegion()
          : new DefaultAwsRegionProviderChain().getRegion();
      if (found != null) {
        return found;
      }
    } catch (SdkClientException | IllegalArgumentException e) {
      // Falls through to the message below: the SDK's own lists every provider it tried.
    }
    throw new AwsException("no AWS region: give --region eu-west-1 (plugin: -Dstatecraft.region=eu-west-1),"
        + " set AWS_REGION, or set region in the profile of ~/.aws/config");
  }

  /** A Step Functions client over the URL-connection HTTP client. */
  public SfnClient stepFunctions() {
    var builder = SfnClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(resolveRegion()).credentialsProvider(credentialsProvider());
    Optional.ofNullable(endpoint).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /** A CloudFormation client over the URL-connection HTTP client. */
  public CloudFormationClient cloudFormation() {
    var builder = CloudFormationClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(resolveRegion()).credentialsProvider(credentialsProvider());
    Optional.ofNullable(endpoint).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * An S3 client over the URL-connection HTTP client, for templates over CloudFormation's body
   * limit. With an endpoint override the bucket goes in the path ({@code http://localhost:4566/bucket/key}),
   * as emulators such as LocalStack serve it; AWS's own endpoint uses the bucket's host name.
   */
  public S3Client s3() {
    var builder = S3Client.builder().httpClientBuilder(UrlConnectionHttpClient.builder())
        .region(resolveRegion()).credentialsProvider(credentialsProvider());
    Optional.ofNullable(endpoint).ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    return builder.build();
  }

  private AwsCredentialsProvider credentialsProvider() {
    if (credentials != null) {
      return credentials;
    }
    if (profile != null && !profile.isBlank()) {
      return ProfileCredentialsProvider.create(profile.strip());
    }
    return DefaultCredentialsProvider.builder().build();
  }
}
