package io.statecraft.maven;

import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.RemoteValidation;
import java.io.File;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Asks AWS itself whether the generated workflows would deploy: Step Functions'
 * {@code ValidateStateMachineDefinition} on each definition (placeholders filled with given values,
 * parameter defaults or well-formed dummy ARNs) and CloudFormation's {@code ValidateTemplate} on each
 * template (uploaded to {@code s3Bucket} and validated by URL when over 51,200 bytes). Reads what
 * {@code generate} wrote; run it after:
 * {@code mvn generate-resources statecraft:validate-remote -Dstatecraft.region=eu-west-1}.
 *
 * <p>As for {@code lint}: errors fail the build with every problem listed, warnings are logged
 * (or fail with {@code failOnWarning}). Needs {@code states:ValidateStateMachineDefinition} and
 * {@code cloudformation:ValidateTemplate} (docs/aws.md).
 */
@Mojo(name = "validate-remote", threadSafe = true)
public final class ValidateRemoteMojo extends AbstractAwsMojo {

  /** The folder generate wrote: one subfolder per workflow id. */
  @Parameter(property = "statecraft.outputDirectory", defaultValue = "${project.build.directory}/statecraft")
  private File outputDirectory;

  /** Parameter values for the placeholders, as {@code aws cloudformation deploy} reads them from a file. */
  @Parameter(property = "statecraft.parameters")
  private File parameters;

  /** Parameter values one by one, over the file's. */
  @Parameter
  private Map<String, String> parameterValues;

  /** Fails the build on warnings, too. */
  @Parameter(property = "statecraft.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /** An S3 bucket for templates over 51,200 bytes (CloudFormation's limit for a body): uploaded there, passed by URL. */
  @Parameter(property = "statecraft.s3Bucket")
  private String s3Bucket;

  /** A key prefix in {@code s3Bucket}; keys are {@code PREFIX/ID/SHA256.json}. */
  @Parameter(property = "statecraft.s3Prefix")
  private String s3Prefix;

  /** Skips the goal. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Statecraft validate-remote (statecraft.skip)");
      return;
    }
    AwsSettings settings = awsSettings();
    RemoteValidation.Report report;
    try {
      report = RemoteValidation.validate(workflows(outputDirectory), settings,
          new RemoteValidation.Options(parameterValues(parameters, parameterValues),
              templateBucket(s3Bucket, s3Prefix)), line -> getLog().info(line));
    } catch (AwsException e) {
      throw new MojoExecutionException("statecraft validate-remote: " + e.getMessage());
    }
    String summary = "statecraft validate-remote: " + report.summary();
    if (report.failed(failOnWarning)) {
      StringBuilder message = new StringBuilder(summary);
      report.findings().forEach(finding -> message.append("\n  ").append(finding.describe()));
      throw new MojoFailureException(message.toString());
    }
    report.findings().forEach(finding -> getLog().warn(finding.describe()));
    getLog().info(summary);
  }
}
