package io.statecraft.cli;

import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.TemplateBucket;
import java.net.URI;
import java.util.List;

/**
 * The options every command that calls AWS takes: {@code --region}, {@code --profile} and
 * {@code --endpoint-url}. What is not given comes from the SDK's default chains. The commands
 * that send templates to CloudFormation also take {@code --s3-bucket} and {@code --s3-prefix}
 * ({@link #BUCKET_HELP}); the others do not list them.
 */
final class AwsOptions {

  static final String HELP =
      "  --region REGION        the AWS region (default: AWS_REGION, then the profile's region)\n"
          + "  --profile NAME         a profile of ~/.aws/config (default: AWS_PROFILE, then the default chain)\n"
          + "  --endpoint-url URL     one endpoint for every service (LocalStack, an emulator)\n";

  /** The options of the commands that send templates to CloudFormation: validate --remote and deploy. */
  static final String BUCKET_HELP =
      "  --s3-bucket NAME       upload a template over 51,200 bytes to this bucket and pass its URL\n"
          + "  --s3-prefix PREFIX     key prefix in the bucket (keys: PREFIX/ID/SHA256.json)\n";

  private final boolean sendsTemplates;
  private AwsSettings settings;
  private String bucket;
  private String prefix;

  AwsOptions(AwsSettings base) {
    this(base, false);
  }

  /** @param sendsTemplates whether the command takes --s3-bucket and --s3-prefix */
  AwsOptions(AwsSettings base, boolean sendsTemplates) {
    this.settings = base;
    this.sendsTemplates = sendsTemplates;
  }

  /**
   * Consumes the option at {@code args[i]} when it is one of ours.
   *
   * @return the index of the option's value, or -1 when the option is not ours
   */
  int accept(List<String> args, int i) throws UsageException {
    String arg = args.get(i);
    switch (arg) {
      case "--region" -> settings = settings.withRegion(Options.value(args, i + 1, arg));
      case "--profile" -> settings = settings.withProfile(Options.value(args, i + 1, arg));
      case "--s3-bucket", "--s3-prefix" -> {
        if (!sendsTemplates) {
          return -1;
        }
        if (arg.equals("--s3-bucket")) {
          bucket = Options.value(args, i + 1, arg);
        } else {
          prefix = Options.value(args, i + 1, arg);
        }
      }
      case "--endpoint-url" -> {
        String value = Options.value(args, i + 1, arg);
        try {
          URI uri = URI.create(value);
          if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException();
          }
          settings = settings.withEndpoint(uri);
        } catch (IllegalArgumentException e) {
          throw new UsageException("--endpoint-url needs a URL such as http://localhost:4566, not '" + value + "'");
        }
      }
      default -> {
        return -1;
      }
    }
    return i + 1;
  }

  AwsSettings settings() {
    return settings;
  }

  /** The bucket for large templates, or null when none was given. */
  TemplateBucket templateBucket() throws UsageException {
    if (bucket == null && prefix != null) {
      throw new UsageException("--s3-prefix needs --s3-bucket NAME");
    }
    try {
      return TemplateBucket.of(bucket, prefix);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--s3-bucket: " + e.getMessage());
    }
  }
}
