package io.statecraft.cli;

import io.statecraft.connect.AdoptionSources;
import io.statecraft.connect.AwsException;
import io.statecraft.connect.AwsSettings;
import io.statecraft.generator.workflow.GeneratedFiles;
import io.statecraft.generator.workflow.WorkflowClassFiles;
import io.statecraft.importer.AdoptedWorkflow;
import io.statecraft.importer.AdoptionException;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.importer.RolePolicies;
import io.statecraft.importer.TemplateAdopter;
import io.statecraft.importer.WorkflowSource;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code statecraft adopt TEMPLATE}: turns the state machine of a CloudFormation or SAM template
 * into a parameterized {@code Workflow} class, with its services-file entry. See {@code docs/adopt.md}.
 */
final class AdoptCommand implements Command {

  private final AwsSettings base;

  AdoptCommand() {
    this(AwsSettings.defaults());
  }

  /** With settings the AWS options start from; tests give fake credentials. */
  AdoptCommand(AwsSettings base) {
    this.base = base;
  }

  @Override
  public String name() {
    return "adopt";
  }

  @Override
  public String summary() {
    return "Turn a template's state machine into a parameterized Workflow class";
  }

  @Override
  public String help() {
    return "Usage: statecraft adopt [options] TEMPLATE\n"
        + "       statecraft adopt [options] --state-machine ARN|NAME\n"
        + "       statecraft adopt [options] --generated-template NAME\n"
        + "\n"
        + "Reads a CloudFormation or SAM template (JSON or YAML, short-form tags included) holding an\n"
        + "AWS::StepFunctions::StateMachine or AWS::Serverless::StateMachine, and writes a Workflow class\n"
        + "that builds it: account ids, Regions, ARNs, URLs and resource names in the definition become\n"
        + "parameters whose defaults are the old values; the rules and schedules that start it become its\n"
        + "triggers. Prints a report of every value lifted. Nothing is written when anything fails.\n"
        + "\n"
        + "Options:\n"
        + "  --package NAME        the Java package (default: none)\n"
        + "  --class NAME          the class name (default: from the workflow id, patch-alerts -> PatchAlerts)\n"
        + "  --id ID               the workflow id (default: from the state machine's name)\n"
        + "  --resource ID         the state machine's logical id, when the template has several\n"
        + "  --output DIR          the source root (default: src/main/java)\n"
        + "  --resources DIR       where META-INF/services goes (default: ../resources next to a DIR named\n"
        + "                        java, else DIR)\n"
        + "  --keep-literal REGEX  keep values that match REGEX whole as literals (repeatable)\n"
        + "  --role-policy FILE    an IAM policy document (JSON) of the original role, compared with the\n"
        + "                        permissions the workflow derives (repeatable; adds to those in the template)\n"
        + "  --state-machine ARN|NAME      adopt a deployed state machine (DescribeStateMachine)\n"
        + "  --generated-template NAME     adopt an IaC generator template (GetGeneratedTemplate)\n"
        + AwsOptions.HELP
        + "\n"
        + "Exit status: 0 adopted, 1 the source cannot be read or adopted, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String packageName = "";
    String className = null;
    String id = null;
    String resource = null;
    String output = "src/main/java";
    String resources = null;
    List<String> keep = new ArrayList<>();
    List<Path> rolePolicies = new ArrayList<>();
    String file = null;
    String stateMachine = null;
    String generatedTemplate = null;
    AwsOptions aws = new AwsOptions(base);
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int next = aws.accept(args, i);
      if (next >= 0) {
        i = next;
        continue;
      }
      switch (arg) {
        case "--state-machine" -> stateMachine = Options.value(args, ++i, arg);
        case "--generated-template" -> generatedTemplate = Options.value(args, ++i, arg);
        case "--package" -> packageName = Options.value(args, ++i, arg);
        case "--class" -> className = Options.value(args, ++i, arg);
        case "--id" -> id = Options.value(args, ++i, arg);
        case "--resource" -> resource = Options.value(args, ++i, arg);
        case "--output" -> output = Options.value(args, ++i, arg);
        case "--resources" -> resources = Options.value(args, ++i, arg);
        case "--keep-literal" -> keep.add(Options.value(args, ++i, arg));
        case "--role-policy" -> rolePolicies.add(Path.of(Options.value(args, ++i, arg)));
        default -> {
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          if (file != null) {
            throw new UsageException("adopt takes one template, got " + file + " and " + arg);
          }
          file = arg;
        }
      }
    }
    long sources = java.util.stream.Stream.of(file, stateMachine, generatedTemplate).filter(Objects::nonNull).count();
    if (sources != 1) {
      throw new UsageException(sources == 0
          ? "no source given: a TEMPLATE file, --state-machine ARN|NAME or --generated-template NAME"
          : "give one source: a TEMPLATE file, --state-machine or --generated-template");
    }
    if (file != null && !Files.isRegularFile(Path.of(file))) {
      throw new UsageException("no such file: " + file);
    }
    for (Path policy : rolePolicies) {
      if (!Files.isRegularFile(policy)) {
        throw new UsageException("--role-policy: no such file: " + policy);
      }
    }
    TemplateAdopter.Options options = new TemplateAdopter.Options(resource, id, keepLiteral(keep));
    AdoptedWorkflow adopted;
    WorkflowSource.Written written;
    String source = file;
    try {
      if (stateMachine != null) {
        AdoptionSources.DescribedStateMachine described = AdoptionSources.describeStateMachine(stateMachine, aws.settings());
        source = described.arn();
        adopted = described.adopt(options);
      } else if (generatedTemplate != null) {
        source = "generated template " + generatedTemplate;
        adopted = TemplateAdopter.fromTemplateText(source,
            AdoptionSources.generatedTemplate(generatedTemplate, aws.settings()), options);
      } else {
        adopted = TemplateAdopter.fromTemplate(Path.of(file), options);
      }
      for (Path policy : rolePolicies) {
        adopted = adopted.withRolePolicies(RolePolicies.fromFile(policy));
      }
      written = WorkflowSource.write(adopted, packageName,
          className != null ? className : JavaSourceImporter.classNameFor(adopted.id()));
    } catch (AdoptionException | AwsException e) {
      err.println("statecraft adopt: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    try {
      Map<Path, String> files = WorkflowClassFiles.of(Path.of(output), resources == null ? null : Path.of(resources),
          written.relativePath(), written.source(), written.qualifiedName());
      Set<Path> changed = GeneratedFiles.writeAllIfChanged(files);
      out.println("Adopted " + source + " as workflow " + adopted.id() + " (" + written.qualifiedName() + "):");
      adopted.report().forEach(line -> out.println("  " + line));
      written.report().forEach(line -> out.println("  " + line));
      written.notes().forEach(note -> out.println("  note: " + note));
      files.keySet().forEach(path -> err.println((changed.contains(path) ? "wrote " : "up to date ") + path));
    } catch (UncheckedIOException e) {
      err.println("statecraft adopt: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    }
    return ExitStatus.OK;
  }

  private static Pattern keepLiteral(List<String> patterns) throws UsageException {
    try {
      return TemplateAdopter.Options.keepLiteral(patterns);
    } catch (PatternSyntaxException e) {
      throw new UsageException("--keep-literal: not a regular expression: " + e.getDescription() + " in " + e.getPattern());
    }
  }
}
