package io.statecraft.maven;

import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.GeneratedWorkflow;
import io.statecraft.connect.ParameterValues;
import io.statecraft.connect.TemplateBucket;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that call AWS share: the {@code region}, {@code profile} and {@code endpointUrl}
 * parameters and the settings built from them, and reading the generated workflows, parameter
 * values and the bucket for large templates from the goals' own parameters.
 */
abstract class AbstractAwsMojo extends AbstractMojo {

  /** The AWS region; default: the SDK's chain (AWS_REGION, the profile). */
  @Parameter(property = "statecraft.region")
  private String region;

  /** A profile of {@code ~/.aws/config}; default: the SDK's chain. */
  @Parameter(property = "statecraft.profile")
  private String profile;

  /** One endpoint for both services (LocalStack, an emulator). */
  @Parameter(property = "statecraft.endpointUrl")
  private String endpointUrl;

  // Tests replace it with fake credentials; users get the SDK's default chains.
  AwsSettings base = AwsSettings.defaults();

  /** The settings to call AWS with: {@link #base}, with the region, profile and endpoint given. */
  final AwsSettings awsSettings() throws MojoExecutionException {
    AwsSettings settings = base;
    if (region != null && !region.isBlank()) {
      settings = settings.withRegion(region);
    }
    if (profile != null && !profile.isBlank()) {
      settings = settings.withProfile(profile);
    }
    if (endpointUrl != null && !endpointUrl.isBlank()) {
      try {
        URI uri = URI.create(endpointUrl.strip());
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw new IllegalArgumentException();
        }
        settings = settings.withEndpoint(uri);
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException("statecraft.endpointUrl needs a URL such as http://localhost:4566, not '"
            + endpointUrl + "'");
      }
    }
    return settings;
  }

  /** The bucket for large templates from the goal's parameters, or null when none is given. */
  static TemplateBucket templateBucket(String bucket, String prefix) throws MojoExecutionException {
    if ((bucket == null || bucket.isBlank()) && prefix != null && !prefix.isBlank()) {
      throw new MojoExecutionException("statecraft.s3Prefix needs statecraft.s3Bucket");
    }
    try {
      return TemplateBucket.of(bucket, prefix);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("statecraft.s3Bucket: " + e.getMessage());
    }
  }

  static List<GeneratedWorkflow> workflows(File directory) throws MojoExecutionException {
    try {
      return GeneratedWorkflow.read(directory.toPath());
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage() + " (mvn generate-resources, or the generate goal)");
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read " + directory + ": " + e.getMessage(), e);
    }
  }

  /** The file's values, then the POM's or the command line's one by one. */
  static Map<String, String> parameterValues(File file, Map<String, String> values) throws MojoExecutionException {
    Map<String, String> all = new LinkedHashMap<>();
    if (file != null) {
      if (!file.isFile()) {
        throw new MojoExecutionException("No such parameters file: " + file);
      }
      try {
        all.putAll(ParameterValues.read(file.toPath()));
      } catch (IllegalArgumentException e) {
        throw new MojoExecutionException(e.getMessage());
      } catch (IOException e) {
        throw new MojoExecutionException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    if (values != null) {
      all.putAll(values);
    }
    return all;
  }
}
