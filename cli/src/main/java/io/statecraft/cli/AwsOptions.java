package io.statecraft.cli;

import io.statecraft.connect.AwsSettings;
import java.net.URI;
import java.util.List;

/**
 * The options every command that calls AWS takes: {@code --region}, {@code --profile} and
 * {@code --endpoint-url}. What is not given comes from the SDK's default chains.
 */
final class AwsOptions {

  static final String HELP =
      "  --region REGION        the AWS region (default: AWS_REGION, then the profile's region)\n"
          + "  --profile NAME         a profile of ~/.aws/config (default: AWS_PROFILE, then the default chain)\n"
          + "  --endpoint-url URL     one endpoint for both services (LocalStack, an emulator)\n";

  private AwsSettings settings;

  AwsOptions(AwsSettings base) {
    this.settings = base;
  }

  /**
   * Consumes the option at {@code args[i]} when it is one of ours.
   *
   * @return the index of the option's value, or -1 when the option is not ours
   */
  int accept(List<String> args, int i) throws UsageException {
    String arg = args.get(i);
    switch (arg) {
      case "--region" -> settings = settings.withRegion(ImportCommand.value(args, i + 1, arg));
      case "--profile" -> settings = settings.withProfile(ImportCommand.value(args, i + 1, arg));
      case "--endpoint-url" -> {
        String value = ImportCommand.value(args, i + 1, arg);
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
}
