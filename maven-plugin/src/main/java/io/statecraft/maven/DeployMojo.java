package io.statecraft.maven;

import io.statecraft.connect.AwsException;
import io.statecraft.connect.Deployment;
import io.statecraft.connect.GeneratedWorkflow;
import java.io.File;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * Creates or updates a generated workflow's stack through a CloudFormation change set: creates it,
 * waits, logs the plan (action, logical id, type, replacement), executes it unless
 * {@code -Dstatecraft.dryRun}, logs the stack events as they come and the outputs. A change set
 * without changes is "up to date". An alias deployed gradually has its routing logged as it moves,
 * and a rollback fails the build naming the alarm that caused it. Reads what {@code generate} wrote:
 * {@code mvn generate-resources statecraft:deploy -Dstatecraft.parameters=env/prod.json}.
 *
 * <p>NoEcho parameters take their values only from {@code settings.xml} servers (the password of
 * the server named in {@code secretServers}, decrypted as Maven decrypts it) or the environment
 * variable {@code STATECRAFT_PARAMETER_<Name>}; they are never logged.
 */
@Mojo(name = "deploy", threadSafe = true)
public final class DeployMojo extends AbstractAwsMojo {

  /** The folder generate wrote: one subfolder per workflow id. */
  @Parameter(property = "statecraft.outputDirectory", defaultValue = "${project.build.directory}/statecraft")
  private File outputDirectory;

  /** The workflow to deploy when the module has several. */
  @Parameter(property = "statecraft.workflow")
  private String workflow;

  /** Suffix of the default stack name {@code ID-ENVIRONMENT}; default: the parameters file's name. */
  @Parameter(property = "statecraft.environment")
  private String environment;

  /** The stack; default: the workflow id, plus {@code -ENVIRONMENT}. */
  @Parameter(property = "statecraft.stackName")
  private String stackName;

  /** Parameter values per environment, such as {@code env/prod.json}, in either form of {@code aws cloudformation deploy}. */
  @Parameter(property = "statecraft.parameters")
  private File parameters;

  /** Parameter values one by one, over the file's; never NoEcho ones. */
  @Parameter
  private Map<String, String> parameterValues;

  /** NoEcho parameter name to the id of the settings.xml server whose password is its value. */
  @Parameter
  private Map<String, String> secretServers;

  /** Capabilities to acknowledge. */
  @Parameter(property = "statecraft.capabilities", defaultValue = "CAPABILITY_IAM")
  private List<String> capabilities;

  /** Stack tags. */
  @Parameter
  private Map<String, String> tags;

  /** Creates the change set and logs the plan, but executes nothing. */
  @Parameter(property = "statecraft.dryRun", defaultValue = "false")
  private boolean dryRun;

  /** Seconds between two looks at the change set or the stack. */
  @Parameter(property = "statecraft.pollSeconds", defaultValue = "5")
  private int pollSeconds;

  /** An S3 bucket for templates over 51,200 bytes (CloudFormation's limit for a body): uploaded there, passed by URL. */
  @Parameter(property = "statecraft.s3Bucket")
  private String s3Bucket;

  /** A key prefix in {@code s3Bucket}; keys are {@code PREFIX/ID/SHA256.json}. */
  @Parameter(property = "statecraft.s3Prefix")
  private String s3Prefix;

  /** Skips the goal. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  @Parameter(defaultValue = "${settings}", readonly = true)
  private Settings settings;

  @Component
  private SettingsDecrypter decrypter;

  // Tests replace it; users get the process environment.
  java.util.function.Function<String, String> environmentVariables = System::getenv;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Statecraft deploy (statecraft.skip)");
      return;
    }
    List<GeneratedWorkflow> workflows = workflows(outputDirectory);
    GeneratedWorkflow chosen = choose(workflows);
    String environmentName = environment;
    if (environmentName == null && parameters != null) {
      environmentName = parameters.getName().replaceFirst("\\.json$", "");
    }
    String stack = stackName != null ? stackName
        : environmentName == null ? chosen.id() : chosen.id() + "-" + environmentName;
    Deployment.Outcome outcome;
    try {
      outcome = Deployment.deploy(new Deployment.Request(chosen, stack,
              parameterValues(parameters, parameterValues), secrets(chosen), capabilities,
              tags == null ? Map.of() : tags, dryRun, Duration.ofSeconds(Math.max(1, pollSeconds)))
              .withTemplateBucket(templateBucket(s3Bucket, s3Prefix)),
          awsSettings(), line -> getLog().info(line));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("statecraft deploy: " + e.getMessage());
    } catch (AwsException e) {
      throw new MojoFailureException("statecraft deploy: " + e.getMessage());
    }
    if (outcome.result() == Deployment.Result.FAILED) {
      throw new MojoFailureException("statecraft deploy: stack " + stack + " failed"
          + (outcome.rollback() != null ? ": " + outcome.rollback().summary() + "; the events are logged above"
              : "; the failed events are logged above"));
    }
  }

  private GeneratedWorkflow choose(List<GeneratedWorkflow> workflows) throws MojoExecutionException {
    List<String> ids = workflows.stream().map(GeneratedWorkflow::id).toList();
    if (workflow != null) {
      return workflows.stream().filter(candidate -> candidate.id().equals(workflow)).findFirst()
          .orElseThrow(() -> new MojoExecutionException("No workflow " + workflow + "; there are " + String.join(", ", ids)));
    }
    if (workflows.size() > 1) {
      throw new MojoExecutionException("Several workflows (" + String.join(", ", ids)
          + "); choose one with -Dstatecraft.workflow=ID");
    }
    return workflows.get(0);
  }

  private Map<String, String> secrets(GeneratedWorkflow chosen) throws MojoExecutionException {
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String parameter : chosen.parameters().keySet()) {
      if (!chosen.isNoEcho(parameter)) {
        continue;
      }
      String serverId = secretServers == null ? null : secretServers.get(parameter);
      if (serverId != null) {
        secrets.put(parameter, password(serverId, parameter));
      } else {
        String value = environmentVariables.apply(Deployment.secretVariable(parameter));
        if (value != null) {
          secrets.put(parameter, value);
        }
      }
    }
    return secrets;
  }

  private String password(String serverId, String parameter) throws MojoExecutionException {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      throw new MojoExecutionException("No server " + serverId + " in settings.xml for the NoEcho parameter " + parameter
          + "; add <server><id>" + serverId + "</id><password>...</password></server>");
    }
    if (decrypter != null) {
      SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new MojoExecutionException("Cannot decrypt the password of server " + serverId + ": " + problem.getMessage());
        }
      }
      server = result.getServer();
    }
    if (server.getPassword() == null) {
      throw new MojoExecutionException("Server " + serverId + " in settings.xml has no password for " + parameter);
    }
    return server.getPassword();
  }
}
