package io.statecraft.cli;

import io.statecraft.asl.ProblemException;
import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.connect.GeneratedWorkflow;
import io.statecraft.connect.RemoteValidation;
import io.statecraft.dsl.BuiltStateMachine;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.generator.workflow.WorkflowLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code statecraft validate --remote [DIR...]}: asks AWS itself whether generated workflows would
 * deploy (Step Functions ValidateStateMachineDefinition, CloudFormation ValidateTemplate), through
 * {@link RemoteValidation}, and prints each diagnostic as {@code lint} prints a problem.
 */
final class ValidateCommand implements Command {

  private final AwsSettings base;

  ValidateCommand() {
    this(AwsSettings.defaults());
  }

  /** With settings the options start from; tests give fake credentials. */
  ValidateCommand(AwsSettings base) {
    this.base = base;
  }

  @Override
  public String name() {
    return "validate";
  }

  @Override
  public String summary() {
    return "Check generated definitions and templates with AWS itself (--remote)";
  }

  @Override
  public String help() {
    return "Usage: statecraft validate --remote [options] [DIR...]\n"
        + "       statecraft validate --remote --class NAME [--classpath PATH] [options]\n"
        + "\n"
        + "Sends each generated definition to Step Functions' ValidateStateMachineDefinition (placeholders\n"
        + "filled with given values, parameter defaults or well-formed dummy ARNs; the state machine's type from\n"
        + "the template) and each template to CloudFormation's ValidateTemplate. DIR is a folder written by\n"
        + "generate (default target/statecraft): one workflow's folder, or the folder of all of them. With\n"
        + "--class the workflow is compiled in memory instead, and problems end with the state's Java line.\n"
        + "Problems are printed one per line:\n"
        + "  FILE: SEVERITY CODE POINTER: message (File.java:line)\n"
        + "\n"
        + "Options:\n"
        + "  --remote               required: this command calls AWS (offline checks: statecraft lint)\n"
        + "  --class NAME           compile the Workflow class NAME (with --classpath PATH) instead of reading DIR\n"
        + "  --parameters FILE      parameter values: {\"Name\": \"value\"} or [{\"ParameterKey\", \"ParameterValue\"}]\n"
        + "  --parameter NAME=VALUE one value, over the file's\n"
        + "  --warnings-as-errors   exit 1 when there are warnings, too\n"
        + AwsOptions.HELP
        + AwsOptions.BUCKET_HELP
        + "\n"
        + "A template over 51,200 bytes (CloudFormation's limit for a body) is validated from S3 when --s3-bucket is\n"
        + "given, else reported as TEMPLATE_NOT_VALIDATED.\n"
        + "AWS permissions: states:ValidateStateMachineDefinition, cloudformation:ValidateTemplate; with --s3-bucket\n"
        + "also s3:PutObject and s3:GetObject on the bucket's keys (docs/aws.md).\n"
        + "Exit status: 0 no errors, 1 errors found or AWS could not be called, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    AwsOptions aws = new AwsOptions(base, true);
    boolean remote = false;
    boolean warningsAsErrors = false;
    String className = null;
    String classpath = null;
    ParameterOptions parameters = new ParameterOptions();
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
        case "--remote" -> remote = true;
        case "--warnings-as-errors" -> warningsAsErrors = true;
        case "--class" -> className = Options.value(args, ++i, arg);
        case "--classpath", "-cp" -> classpath = Options.value(args, ++i, arg);
        case "--parameters", "--parameter" -> i = parameters.accept(args, i);
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          dirs.add(arg);
        }
      }
    }
    if (!remote) {
      throw new UsageException("validate calls AWS: add --remote (for offline checks use statecraft lint)");
    }
    Map<String, String> values = parameters.values();
    List<GeneratedWorkflow> workflows = className != null ? compile(className, classpath) : read(dirs);
    RemoteValidation.Report report;
    try {
      report = RemoteValidation.validate(workflows, aws.settings(),
          new RemoteValidation.Options(values, aws.templateBucket()), err::println);
    } catch (AwsException e) {
      err.println("statecraft validate: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    report.findings().forEach(finding -> out.println(finding.describe()));
    err.println(report.summary());
    return report.failed(warningsAsErrors) ? ExitStatus.PROBLEMS : ExitStatus.OK;
  }

  static List<GeneratedWorkflow> read(List<String> dirs) throws UsageException {
    List<GeneratedWorkflow> workflows = new ArrayList<>();
    for (String dir : dirs.isEmpty() ? List.of("target/statecraft") : dirs) {
      try {
        workflows.addAll(GeneratedWorkflow.read(Path.of(dir)));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return workflows;
  }

  private static List<GeneratedWorkflow> compile(String className, String classpath) throws UsageException {
    try (URLClassLoader loader = new URLClassLoader(
        GenerateCommand.classpathUrls(classpath).toArray(URL[]::new), ValidateCommand.class.getClassLoader())) {
      WorkflowLoader.LoadedWorkflow loaded = new WorkflowLoader(loader,
          "the classpath; give the folder or jar that holds it with --classpath").load(List.of(className)).get(0);
      CompiledWorkflow compiled = WorkflowCompiler.compile(loaded.workflow());
      if (compiled.hasErrors()) {
        throw new UsageException(className + " has errors; fix what statecraft generate --class " + className
            + " reports before validating with AWS");
      }
      BuiltStateMachine built = loaded.workflow().spec().stateMachine().build();
      return List.of(GeneratedWorkflow.of(compiled, className, built.sources()::get));
    } catch (WorkflowLoader.LoadException e) {
      throw new UsageException(e.getMessage());
    } catch (RuntimeException e) {
      if (e instanceof ProblemException problems) {
        throw new UsageException(problems.getMessage().lines().findFirst().orElse(className + " cannot be built"));
      }
      throw new UsageException("workflow " + className + " cannot be built: " + WorkflowLoader.describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
