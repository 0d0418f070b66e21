package io.statecraft.maven;

import io.statecraft.connect.AdoptionSources;
import io.statecraft.connect.AwsException;
import io.statecraft.generator.workflow.GeneratedFiles;
import io.statecraft.generator.workflow.WorkflowClassFiles;
import io.statecraft.importer.AdoptedWorkflow;
import io.statecraft.importer.AdoptionException;
import io.statecraft.importer.JavaSourceImporter;
import io.statecraft.importer.RolePolicies;
import io.statecraft.importer.TemplateAdopter;
import io.statecraft.importer.WorkflowSource;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Turns the state machine of a CloudFormation or SAM template (or a deployed one) into a
 * parameterized {@code Workflow} class with its services-file entry, like {@code statecraft adopt}:
 * {@code mvn statecraft:adopt -Dstatecraft.adopt.template=stack.yml -Dstatecraft.adopt.package=com.acme}.
 *
 * <p>Unlike the command line, whose jar carries only the SDK models of S3, Step Functions and
 * CloudFormation, the goal types AWS SDK tasks with the module's own test class path: every SDK
 * module the project declares ({@code software.amazon.awssdk:sns}, {@code :ec2}, ...) turns its
 * tasks into typed {@code AwsSdk} calls whose IAM permissions are derived (the SDK ships one Maven
 * module per service: https://docs.aws.amazon.com/sdk-for-java/latest/developer-guide/setup-project-maven.html).
 * Nothing is written when anything fails; see {@code docs/adopt.md}.
 */
@Mojo(name = "adopt", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class AdoptMojo extends AbstractAwsMojo {

  /** Where relative paths start: the project folder. */
  @Parameter(defaultValue = "${basedir}", readonly = true, required = true)
  private File basedir;

  /** The template holding the state machine: CloudFormation or SAM, JSON or YAML. */
  @Parameter(property = "statecraft.adopt.template")
  private String template;

  /**
   * A deployed state machine to adopt instead of a template, by ARN or name (read with
   * DescribeStateMachine and ListTagsForResource, with the {@code statecraft.region},
   * {@code statecraft.profile} and {@code statecraft.endpointUrl} settings).
   *
   * @see <a href="https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeStateMachine.html">DescribeStateMachine</a>
   * @see <a href="https://docs.aws.amazon.com/step-functions/latest/apireference/API_ListTagsForResource.html">ListTagsForResource</a>
   */
  @Parameter(property = "statecraft.adopt.stateMachine")
  private String stateMachine;

  /** The Java package of the class; none by default. */
  @Parameter(property = "statecraft.adopt.package", defaultValue = "")
  private String packageName;

  /** The class's simple name; by default made from the workflow id ({@code patch-alerts} becomes {@code PatchAlerts}). */
  @Parameter(property = "statecraft.adopt.class")
  private String className;

  /** The workflow id; by default made from the state machine's name. */
  @Parameter(property = "statecraft.adopt.id")
  private String id;

  /** The state machine's logical id, needed when the template has several. */
  @Parameter(property = "statecraft.adopt.resource")
  private String resource;

  /**
   * Regular expressions; a value that one of them matches whole stays a literal instead of
   * becoming a parameter. On the command line they are separated by commas.
   */
  @Parameter(property = "statecraft.adopt.keepLiterals")
  private List<String> keepLiterals;

  /**
   * IAM policy documents (JSON) of the original role, compared with the permissions the workflow
   * derives; they add to the policies the template holds.
   */
  @Parameter(property = "statecraft.adopt.rolePolicies")
  private List<File> rolePolicies;

  /** The source root the class is written under, in its package's folders. */
  @Parameter(property = "statecraft.adopt.output", defaultValue = "${project.build.sourceDirectory}")
  private File output;

  /**
   * Where {@code META-INF/services} goes; by default the {@code resources} folder next to an
   * output folder named {@code java} ({@code src/main/resources}), else the output folder.
   */
  @Parameter(property = "statecraft.adopt.resources")
  private File resources;

  // Test scope: the SDK modules a project declares for its workflows' tests count too.
  @Parameter(defaultValue = "${project.testClasspathElements}", readonly = true, required = true)
  private List<String> classpathElements;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    boolean fromTemplate = template != null && !template.isBlank();
    boolean fromMachine = stateMachine != null && !stateMachine.isBlank();
    if (fromTemplate == fromMachine) {
      throw new MojoExecutionException(fromTemplate
          ? "statecraft adopt: give one source, statecraft.adopt.template or statecraft.adopt.stateMachine, not both"
          : "statecraft adopt: no template given; pass -Dstatecraft.adopt.template=FILE (or"
              + " -Dstatecraft.adopt.stateMachine=ARN for a deployed state machine)");
    }
    Path file = fromTemplate ? basedir.toPath().resolve(template.strip()) : null;
    if (file != null && !Files.isRegularFile(file)) {
      throw new MojoExecutionException("statecraft adopt: no such file: " + file
          + "; statecraft.adopt.template names a CloudFormation or SAM template");
    }
    List<Path> policies = new ArrayList<>();
    for (File policy : rolePolicies == null ? List.<File>of() : rolePolicies) {
      Path path = basedir.toPath().resolve(policy.toPath());
      if (!Files.isRegularFile(path)) {
        throw new MojoExecutionException("statecraft adopt: statecraft.adopt.rolePolicies: no such file: " + path);
      }
      policies.add(path);
    }
    TemplateAdopter.Options options = new TemplateAdopter.Options(blankToNull(resource), blankToNull(id), keepLiteral());
    String source = fromTemplate ? file.toString() : stateMachine.strip();
    AdoptedWorkflow adopted;
    WorkflowSource.Written written;
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader sdkClasses = projectClassLoader()) {
      // The definition's checks read SDK response shapes through the context class loader
      // (SdkResponseClass.loader()): they see the project's SDK modules too, as generate's do.
      thread.setContextClassLoader(sdkClasses);
      if (fromMachine) {
        AdoptionSources.DescribedStateMachine described = AdoptionSources.describeStateMachine(source, awsSettings());
        source = described.arn();
        adopted = described.adopt(options);
      } else {
        adopted = TemplateAdopter.fromTemplate(file, options);
      }
      for (Path policy : policies) {
        adopted = adopted.withRolePolicies(RolePolicies.fromFile(policy));
      }
      String packageStripped = packageName == null ? "" : packageName.strip();
      written = WorkflowSource.write(adopted, packageStripped,
          className != null && !className.isBlank() ? className.strip() : JavaSourceImporter.classNameFor(adopted.id()),
          sdkClasses);
    } catch (AdoptionException | AwsException e) {
      throw new MojoFailureException("statecraft adopt: " + inGoalTerms(e.getMessage()));
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("statecraft adopt: " + inGoalTerms(e.getMessage()));
    } catch (IOException e) {
      throw new MojoExecutionException("statecraft adopt: cannot close the class loader of the project ("
          + e.getMessage() + ")");
    } finally {
      thread.setContextClassLoader(previous);
    }
    write(source, adopted, written);
  }

  // The class and the services file together, then the report: the same lines as the command line's.
  private void write(String source, AdoptedWorkflow adopted, WorkflowSource.Written written) throws MojoExecutionException {
    try {
      Map<Path, String> files = WorkflowClassFiles.of(output.toPath(), resources == null ? null : resources.toPath(),
          written.relativePath(), written.source(), written.qualifiedName());
      Set<Path> changed = GeneratedFiles.writeAllIfChanged(files);
      getLog().info("Adopted " + source + " as workflow " + adopted.id() + " (" + written.qualifiedName() + "):");
      adopted.report().forEach(line -> getLog().info("  " + inGoalTerms(line)));
      written.report().forEach(line -> getLog().info("  " + inGoalTerms(line)));
      written.notes().forEach(note -> getLog().info("  note: " + inGoalTerms(note)));
      files.keySet().forEach(path -> getLog().info((changed.contains(path) ? "wrote " : "up to date ") + path));
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("statecraft adopt: " + e.getMessage());
    }
  }

  private Pattern keepLiteral() throws MojoExecutionException {
    List<String> patterns = keepLiterals == null ? List.of()
        : keepLiterals.stream().filter(p -> p != null && !p.isBlank()).toList();
    try {
      return TemplateAdopter.Options.keepLiteral(patterns);
    } catch (PatternSyntaxException e) {
      throw new MojoExecutionException("statecraft adopt: statecraft.adopt.keepLiterals: not a regular expression: "
          + e.getDescription() + " in " + e.getPattern());
    }
  }

  // Parent first, like generate's: the SDK's core classes (SdkRequest) must be the plugin's own,
  // which the typed calls are built against; only the service models come from the project.
  private URLClassLoader projectClassLoader() throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : classpathElements == null ? List.<String>of() : classpathElements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("statecraft adopt: bad class path element " + element);
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), getClass().getClassLoader());
  }

  /**
   * The importer's messages name the command line's options; a Maven user sets the goal's
   * properties instead.
   */
  static String inGoalTerms(String message) {
    return message.replace("--resource ID", "-Dstatecraft.adopt.resource=ID")
        .replace("--role-policy FILE", "-Dstatecraft.adopt.rolePolicies=FILE")
        .replace("--role-policy ", "statecraft.adopt.rolePolicies ");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
