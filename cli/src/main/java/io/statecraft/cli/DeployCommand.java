package io.statecraft.cli;

import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.Deployment;
import io.statecraft.connect.GeneratedWorkflow;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code statecraft deploy [DIR]}: creates or updates a generated workflow's stack through a
 * CloudFormation change set ({@link Deployment}), with parameter values per environment.
 */
final class DeployCommand implements Command {

  private final AwsSettings base;
  private final Function<String, String> environment;
  private final Duration pollInterval;

  DeployCommand() {
    this(AwsSettings.defaults(), new SystemEnvironment(), Duration.ofSeconds(5));
  }

  // A class rather than System::getenv: every command line creates this command, and a method
  // reference is a class spun at run time in the fresh JVM (issue 19).
  private static final class SystemEnvironment implements Function<String, String> {
    @Override
    public String apply(String name) {
      return System.getenv(name);
    }
  }

  /** With settings the options start from, an environment and a poll interval; tests give their own. */
  DeployCommand(AwsSettings base, Function<String, String> environment, Duration pollInterval) {
    this.base = base;
    this.environment = environment;
    this.pollInterval = pollInterval;
  }

  @Override
  public String name() {
    return "deploy";
  }

  @Override
  public String summary() {
    return "Create or update a generated workflow's stack through a change set";
  }

  @Override
  public String help() {
    return "Usage: statecraft deploy [options] [DIR]\n"
        + "\n"
        + "Deploys the template generate wrote in DIR (default target/statecraft: one workflow's folder, or the\n"
        + "folder of all of them with --workflow ID) through a CloudFormation change set: creates it, waits,\n"
        + "prints the plan (action, logical id, type, replacement), executes it unless --dry-run, prints the\n"
        + "stack events as they come, then the outputs. No changes: 'up to date', exit 0.\n"
        + "An alias deployed gradually (DeploymentPreference) has its routing printed as CloudFormation shifts it\n"
        + "(alias live: 10% to version 4, 90% to version 3); a rollback names the alarm that caused it.\n"
        + "\n"
        + "Options:\n"
        + "  --workflow ID          the workflow to deploy when DIR holds several\n"
        + "  --environment NAME     suffix of the default stack name ID-NAME (default: the parameters file's name)\n"
        + "  --stack-name NAME      the stack (default: the workflow id, plus -ENVIRONMENT)\n"
        + "  --parameters FILE      values: {\"Name\": \"value\"} or [{\"ParameterKey\", \"ParameterValue\"}], such as env/prod.json\n"
        + "  --parameter NAME=VALUE one value, over the file's\n"
        + "  --capabilities LIST    comma-separated (default CAPABILITY_IAM)\n"
        + "  --tag KEY=VALUE        a stack tag (repeatable)\n"
        + "  --dry-run              create the change set and print the plan only\n"
        + AwsOptions.HELP
        + AwsOptions.BUCKET_HELP
        + "\n"
        + "A template over 51,200 bytes (CloudFormation's limit for a body) needs --s3-bucket: it is uploaded there\n"
        + "and the change set reads it from its URL.\n"
        + "NoEcho parameters are read only from the environment variable STATECRAFT_PARAMETER_<Name>, and never\n"
        + "printed. Parameters not given keep the stack's previous value, or take the template's default.\n"
        + "AWS permissions: see docs/aws.md.\n"
        + "Exit status: 0 deployed, up to date or planned, 1 the deployment failed or AWS could not be called,\n"
        + "2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    AwsOptions aws = new AwsOptions(base, true);
    String workflowId = null;
    String environmentName = null;
    String stackName = null;
    ParameterOptions parameters = new ParameterOptions();
    List<String> capabilities = List.of("CAPABILITY_IAM");
    Map<String, String> tags = new LinkedHashMap<>();
    boolean dryRun = false;
    List<String> dirs = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int next = aws.accept(args, i);
      if (next >= 0) {
        i = next;
        continue;
      }
      switch (arg) {
        case "--help", "-h" -> {
          out.print(help());
          return ExitStatus.OK;
        }
        case "--workflow" -> workflowId = Options.value(args, ++i, arg);
        case "--environment" -> environmentName = Options.value(args, ++i, arg);
        case "--stack-name" -> stackName = Options.value(args, ++i, arg);
        case "--parameters", "--parameter" -> i = parameters.accept(args, i);
        case "--capabilities" -> capabilities = List.of(Options.value(args, ++i, arg).split(","));
        case "--tag" -> {
          String value = Options.value(args, ++i, arg);
          int equals = value.indexOf('=');
          if (equals <= 0) {
            throw new UsageException("--tag needs KEY=VALUE, not '" + value + "'");
          }
          tags.put(value.substring(0, equals), value.substring(equals + 1));
        }
        case "--dry-run" -> dryRun = true;
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          dirs.add(arg);
        }
      }
    }
    if (dirs.size() > 1) {
      throw new UsageException("deploy takes one folder; deploy each workflow on its own");
    }
    GeneratedWorkflow workflow = pick(ValidateCommand.read(dirs), workflowId);
    Map<String, String> values = parameters.values();
    if (environmentName == null && parameters.file() != null) {
      String file = parameters.file().getFileName().toString();
      environmentName = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
    }
    String stack = stackName != null ? stackName
        : environmentName == null ? workflow.id() : workflow.id() + "-" + environmentName;
    Map<String, String> secrets = new LinkedHashMap<>();
    for (String parameter : workflow.parameters().keySet()) {
      String value = workflow.isNoEcho(parameter) ? environment.apply(Deployment.secretVariable(parameter)) : null;
      if (value != null) {
        secrets.put(parameter, value);
      }
    }
    Deployment.Outcome outcome;
    try {
      outcome = Deployment.deploy(new Deployment.Request(workflow, stack, values, secrets, capabilities, tags, dryRun,
          pollInterval).withTemplateBucket(aws.templateBucket()), aws.settings(), out::println);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    } catch (AwsException e) {
      err.println("statecraft deploy: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    if (outcome.result() != Deployment.Result.FAILED) {
      return ExitStatus.OK;
    }
    if (outcome.rollback() != null) {
      // The events went to stdout; the cause also goes where a pipeline shows errors.
      err.println("statecraft deploy: stack " + stack + " failed: " + outcome.rollback().summary());
    }
    return ExitStatus.PROBLEMS;
  }

  private static GeneratedWorkflow pick(List<GeneratedWorkflow> workflows, String id) throws UsageException {
    if (id != null) {
      return workflows.stream().filter(workflow -> workflow.id().equals(id)).findFirst()
          .orElseThrow(() -> new UsageException("no workflow " + id + " here; there are "
              + String.join(", ", workflows.stream().map(GeneratedWorkflow::id).toList())));
    }
    if (workflows.size() > 1) {
      throw new UsageException("several workflows here (" + String.join(", ", workflows.stream()
          .map(GeneratedWorkflow::id).toList()) + "); choose one with --workflow ID");
    }
    return workflows.get(0);
  }
}
