package io.statecraft.maven;

import io.statecraft.asl.Problem;
import io.statecraft.asl.report.SarifReport;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.generator.Generation;
import io.statecraft.generator.GenerationFindings;
import io.statecraft.generator.workflow.GeneratedFiles;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowLoader;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Generates each workflow's Step Functions definition, CloudFormation template (YAML and JSON)
 * and Mermaid diagram into {@code target/statecraft/ID/} (ID being the workflow's id), and
 * attaches the templates and the definition to the build with the workflow's id as classifier, so
 * that {@code mvn install} and {@code mvn deploy} publish them next to the jar.
 *
 * <p>The workflows are the classes named in the {@code workflows} parameter, or else every class listed in
 * {@code META-INF/services/io.statecraft.dsl.workflow.Workflow} on the module's runtime classpath.
 * By default the goal runs in {@code generate-resources}, where that classpath holds the module's
 * dependencies: put the workflows in their own module and depend on it. To generate from the
 * module's own classes, bind the goal to {@code process-classes}.
 *
 * <p>Files are written only when their content changes, so a build with nothing changed touches
 * nothing. Problems in a workflow fail the build with every problem listed.
 */
@Mojo(
    name = "generate",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class GenerateMojo extends AbstractMojo {

  // What to do when the goal runs before the module's own workflows are compiled.
  private static final String BIND_OR_MOVE = "Either bind the goal to process-classes in this module"
      + " (<execution><phase>process-classes</phase><goals><goal>generate</goal></goals></execution>),"
      + " or move the workflows into a separate module and depend on it.";

  private static final String MISSING_CLASS_ADVICE =
      "the runtime classpath of this module; check the name, and that the module that contains it is a dependency";

  // Their jars (or folders) are inputs of the build state: a new plugin or generator regenerates.
  private static final List<Class<?>> PLUGIN_CLASSES =
      List.of(GenerateMojo.class, Generation.class, Workflow.class);

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  private MojoExecution mojoExecution;

  @Component
  private MavenProjectHelper projectHelper;

  /** Skips the goal: nothing is generated or attached. */
  @Parameter(property = "statecraft.skip", defaultValue = "false")
  private boolean skip;

  /**
   * The fully qualified names of the {@code Workflow} classes to generate, such as {@code
   * com.acme.PatchAlerts}; on the command line, comma-separated. When empty, every class listed in
   * {@code META-INF/services/io.statecraft.dsl.workflow.Workflow} on the runtime classpath is
   * generated. Each class needs a public no-argument constructor.
   */
  @Parameter(property = "statecraft.workflows")
  private List<String> workflows;

  /** The folder that receives one subfolder per workflow id. */
  @Parameter(property = "statecraft.outputDirectory", defaultValue = "${project.build.directory}/statecraft")
  private File outputDirectory;

  /**
   * Which files to write for each workflow: {@code definition} (definition.asl.json), {@code
   * yaml} (template.yaml), {@code json} (template.json) and {@code diagram} (diagram.mmd); on the
   * command line, comma-separated. Only the files written are attached.
   */
  @Parameter(property = "statecraft.formats", defaultValue = "definition,yaml,json,diagram")
  private List<String> formats;

  /**
   * Attaches each workflow's definition and templates to the project with the workflow's id as
   * classifier and the types {@code asl.json}, {@code yaml} and {@code json}, so that install and deploy
   * publish them. The diagram is never attached.
   */
  @Parameter(property = "statecraft.attach", defaultValue = "true")
  private boolean attach;

  /**
   * Also writes every problem of the run as a SARIF 2.1.0 log to {@code problems.sarif} in the
   * output folder, located in the definition or template and in the Java source (paths relative to
   * the project folder), for GitHub code scanning and IDEs.
   */
  @Parameter(property = "statecraft.sarif", defaultValue = "false")
  private boolean sarif;

  /** Fails the build when a workflow has warnings, not only when it has errors. */
  @Parameter(property = "statecraft.failOnWarning", defaultValue = "false")
  private boolean failOnWarning;

  /**
   * Adds the generated files to the module's resources, so that the jar contains them under
   * {@code resourceTargetPath/ID/}. When the goal runs after {@code process-resources} (for
   * example in {@code process-classes}), the files are copied into the classes folder directly.
   */
  @Parameter(property = "statecraft.addResources", defaultValue = "false")
  private boolean addResources;

  /**
   * Runs in full even when nothing changed since the last build. Without it, a build whose
   * runtime classpath, plugin and configuration are unchanged, and whose generated files are
   * untouched, reports the workflows up to date without loading them (warnings of the last full
   * run are not repeated).
   */
  @Parameter(property = "statecraft.force", defaultValue = "false")
  private boolean force;

  /** The folder inside the jar that holds the generated files when {@code addResources} is on. */
  @Parameter(property = "statecraft.resourceTargetPath", defaultValue = "statecraft")
  private String resourceTargetPath;

  // The goal's own code uses plain loops, no lambdas or streams: it runs in Maven's fresh JVM on
  // every build, where each lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping Statecraft generation (statecraft.skip)");
      return;
    }
    long start = System.nanoTime();
    Set<OutputFile> selected = OutputFormats.parse(formats);
    List<String> classpath = runtimeClasspath();
    GenerateInputs configuration = new GenerateInputs(OutputFormats.names(selected), workflows == null ? List.of() : workflows,
        failOnWarning, attach, addResources, resourceTargetPath, outputDirectory.getAbsolutePath(), sarif);
    Path stateFile = Path.of(project.getBuild().getDirectory(), "maven-status", "statecraft",
        mojoExecution.getExecutionId() + ".state");
    Optional<BuildState> saved = BuildState.read(stateFile);
    if (!force && saved.isPresent() && saved.get().isCurrent(BuildState.inputs(classpath, PLUGIN_CLASSES, configuration))) {
      for (String id : saved.get().ids()) {
        getLog().info(id + ": up to date (" + shown(outputDirectory.toPath().resolve(id)) + ")");
        publish(id, selected);
      }
      getLog().debug("Nothing changed since the last build (" + (System.nanoTime() - start) / 1_000_000 + " ms)");
      return;
    }
    BuildState.forget(stateFile);
    boolean generated = false;
    try {
      generate(classpath, selected, configuration, stateFile, saved);
      generated = true;
    } finally {
      if (!generated) {
        // Still a full run next time, which must know what earlier builds wrote, to remove it.
        saved.ifPresent(state -> state.invalidated().write(stateFile));
      }
    }
    getLog().debug("Generated in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }

  private void generate(List<String> classpath, Set<OutputFile> selected, GenerateInputs configuration, Path stateFile,
      Optional<BuildState> saved) throws MojoExecutionException, MojoFailureException {
    Generation.Report report;
    try (URLClassLoader loader = projectClassLoader(classpath)) {
      List<String> classNames = workflowClasses(new WorkflowLoader(loader, MISSING_CLASS_ADVICE));
      report = Generation.run(loader, classNames,
          new Generation.Options(outputDirectory.toPath(), selected, failOnWarning, MISSING_CLASS_ADVICE));
    } catch (WorkflowLoader.LoadException e) {
      throw new MojoExecutionException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException("Cannot write the generated files: " + e.getMessage(), e.getCause());
    } catch (IOException e) {
      throw new MojoExecutionException("Cannot read the runtime classpath of " + project.getId() + ": " + e, e);
    }
    if (sarif) {
      Path basedirPath = project.getBasedir().toPath();
      Function<Path, String> relative = path -> SarifOutput.relative(path, basedirPath);
      Path written = SarifOutput.write(outputDirectory.toPath(), GenerationFindings.of(report, relative),
          GenerationFindings.sources(report, SarifReport.Sources.fromFiles(), relative),
          project.getCompileSourceRoots(), basedirPath);
      getLog().info("Problems as SARIF: " + shown(written));
    }
    if (!report.written()) {
      throw new MojoFailureException(FailureMessage.of(report, failOnWarning));
    }
    List<Path> files = new ArrayList<>();
    List<Path> copies = new ArrayList<>();
    // Sorted by id on each call: taken once.
    List<Generation.Compiled> compiled = report.compiled();
    List<String> ids = new ArrayList<>();
    for (Generation.Compiled workflow : compiled) {
      String id = workflow.workflow().id();
      ids.add(id);
      for (Problem warning : workflow.workflow().warnings()) {
        getLog().warn(id + ": " + warning.reportLine());
      }
      logWritten(workflow);
      publish(id, selected);
      for (OutputFile file : selected) {
        files.add(workflow.directory().resolve(file.fileName()));
        if (addResources) {
          // Recorded whether this goal or a later process-resources makes the copy: either way it
          // is a copy of a file the plugin wrote, and must go with it.
          copies.add(resourceCopyFolder(id).resolve(file.fileName()));
        }
      }
    }
    // Computed again: copying into target/classes (addResources) changed the classpath.
    BuildState.of(BuildState.inputs(classpath, PLUGIN_CLASSES, configuration), ids, files, copies).write(stateFile);
    if (saved.isPresent()) {
      removeStale(saved.get().outputFiles(), files);
      removeStale(saved.get().copyFiles(), copies);
    }
  }

  /** Where {@code addResources} puts the files of workflow {@code id} in the classes folder. */
  private Path resourceCopyFolder(String id) {
    return Path.of(project.getBuild().getOutputDirectory()).resolve(resourceTargetPath).resolve(id);
  }

  /**
   * Removes the files an earlier build wrote and this one did not (a workflow removed or renamed, a
   * format turned off), so that nothing downstream reads them; then their folder, when empty. Only
   * files recorded in the build state are touched: never a file the plugin did not write. Called
   * once for the output folder and once for the copies in the classes folder ({@code addResources}),
   * which would otherwise go into the jar.
   */
  private void removeStale(List<Path> earlier, List<Path> written) {
    Set<Path> current = new HashSet<>();
    for (Path file : written) {
      current.add(file.toAbsolutePath().normalize());
    }
    Map<Path, List<String>> removed = new TreeMap<>();
    for (Path file : earlier) {
      Path absolute = file.toAbsolutePath().normalize();
      if (current.contains(absolute)) {
        continue;
      }
      try {
        if (Files.deleteIfExists(absolute)) {
          List<String> names = removed.get(absolute.getParent());
          if (names == null) {
            names = new ArrayList<>();
            removed.put(absolute.getParent(), names);
          }
          names.add(absolute.getFileName().toString());
        }
      } catch (IOException e) {
        getLog().warn("Cannot remove " + shown(absolute) + ", which no workflow writes any more: " + e.getMessage());
      }
    }
    for (Map.Entry<Path, List<String>> folderFiles : removed.entrySet()) {
      Path folder = folderFiles.getKey();
      String id = folder.getFileName().toString();
      String files = String.join(", ", folderFiles.getValue()) + " from " + shown(folder);
      if (deleteIfEmpty(folder)) {
        getLog().info(id + ": removed " + files + " and the folder (no workflow has this id any more)");
      } else {
        getLog().info(id + ": removed " + files + " (no longer written)");
      }
    }
  }

  private static boolean deleteIfEmpty(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      if (entries.findAny().isPresent()) {
        return false;
      }
      Files.delete(folder);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private List<String> runtimeClasspath() throws MojoExecutionException {
    try {
      return project.getRuntimeClasspathElements();
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("The runtime dependencies of " + project.getId() + " are not resolved", e);
    }
  }

  private URLClassLoader projectClassLoader(List<String> elements) throws MojoExecutionException {
    List<URL> urls = new ArrayList<>();
    for (String element : elements) {
      try {
        urls.add(new File(element).toURI().toURL());
      } catch (MalformedURLException e) {
        throw new MojoExecutionException("Bad runtime classpath element " + element, e);
      }
    }
    // Parent first: Workflow and the DSL must be the plugin's own classes, so that the module's
    // workflows are the same type the generator compiles.
    return new URLClassLoader(urls.toArray(new URL[0]), getClass().getClassLoader());
  }

  /**
   * The workflow classes to generate. A class of this module's own sources must be compiled and
   * no older than its source: otherwise the goal runs before compile (or the classes are left
   * from an earlier build), and generating would publish yesterday's workflow.
   */
  private List<String> workflowClasses(WorkflowLoader loader) throws MojoExecutionException, IOException {
    boolean listed = workflows != null && !workflows.isEmpty();
    List<String> classNames = listed ? listedClasses() : loader.discover();
    if (classNames.isEmpty()) {
      throw new MojoExecutionException(noWorkflowMessage());
    }
    if (!listed) {
      warnIfOwnWorkflowsMissing(classNames);
    }
    for (String className : classNames) {
      Optional<Path> source = ownSource(className);
      if (source.isPresent() && !isCompiledFrom(className, source.get())) {
        throw new MojoExecutionException(isCompiled(className)
            ? staleClassMessage(className, source.get())
            : wrongPhaseMessage());
      }
    }
    return classNames;
  }

  // The configured class names, stripped, without blanks and repeats, in the order given.
  private List<String> listedClasses() {
    Set<String> names = new LinkedHashSet<>();
    for (String name : workflows) {
      if (!name.strip().isEmpty()) {
        names.add(name.strip());
      }
    }
    return List.copyOf(names);
  }

  private boolean isCompiled(String className) {
    return Files.isRegularFile(OwnClasses.classFile(className, Path.of(project.getBuild().getOutputDirectory())));
  }

  private boolean isCompiledFrom(String className, Path source) throws IOException {
    return OwnClasses.isCompiledFrom(className, source, Path.of(project.getBuild().getOutputDirectory()));
  }

  private void logWritten(Generation.Compiled workflow) {
    String shown = shown(workflow.directory());
    if (workflow.written().isEmpty()) {
      getLog().info(workflow.workflow().id() + ": up to date (" + shown + ")");
    } else {
      List<String> names = new ArrayList<>();
      for (OutputFile file : workflow.written()) {
        names.add(file.fileName());
      }
      getLog().info(workflow.workflow().id() + ": wrote " + String.join(", ", names) + " to " + shown);
    }
  }

  /** Attaches the files of workflow {@code id} and adds them to the resources, as configured. */
  private void publish(String id, Set<OutputFile> selected) throws MojoExecutionException {
    Path directory = outputDirectory.toPath().resolve(id);
    if (attach) {
      for (OutputFile file : selected) {
        Optional<String> type = OutputFormats.artifactType(file);
        if (type.isPresent()) {
          projectHelper.attachArtifact(project, type.get(), id, directory.resolve(file.fileName()).toFile());
        }
      }
    }
    if (addResources) {
      addToResources(id, selected);
    }
  }

  // Decided from what is there, not from the phase: the folder is added to the resources (for a
  // process-resources still to come) and, when the classes folder exists (resources may have been
  // copied already), the files are also put where that copy puts them; the same bytes either way.
  private void addToResources(String id, Set<OutputFile> selected) throws MojoExecutionException {
    String directory = outputDirectory.getAbsolutePath();
    boolean present = false;
    for (Resource resource : project.getResources()) {
      present |= directory.equals(resource.getDirectory());
    }
    if (!present) {
      Resource resource = new Resource();
      resource.setDirectory(directory);
      resource.setTargetPath(resourceTargetPath);
      project.addResource(resource);
    }
    if (!Files.isDirectory(Path.of(project.getBuild().getOutputDirectory()))) {
      return;
    }
    Path target = resourceCopyFolder(id);
    for (OutputFile file : selected) {
      Path source = outputDirectory.toPath().resolve(id).resolve(file.fileName());
      try {
        GeneratedFiles.writeIfChanged(target.resolve(file.fileName()), Files.readString(source));
      } catch (IOException | UncheckedIOException e) {
        throw new MojoExecutionException("Cannot copy " + source + " into " + target + ": " + e.getMessage(), e);
      }
    }
  }

  private boolean ownClassesCompiled() throws IOException {
    Path classes = Path.of(project.getBuild().getOutputDirectory());
    if (!Files.isDirectory(classes)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      return files.anyMatch(file -> file.toString().endsWith(".class"));
    }
  }

  private boolean ownServiceFileExists() {
    return !ownServiceFiles().isEmpty();
  }

  private List<Path> ownServiceFiles() {
    List<Path> files = new ArrayList<>();
    for (Resource resource : project.getResources()) {
      Path file = Path.of(resource.getDirectory()).resolve(WorkflowLoader.SERVICE_FILE);
      if (Files.isRegularFile(file)) {
        files.add(file);
      }
    }
    return files;
  }

  /**
   * The module lists workflows of its own that are not on its classpath yet: the goal runs before
   * they are compiled, and only the workflows of its dependencies were found. Generating those is
   * right; leaving the module's own out without a word is not.
   */
  private void warnIfOwnWorkflowsMissing(List<String> found) throws IOException {
    for (Path serviceFile : ownServiceFiles()) {
      List<String> missing = WorkflowLoader.listedIn(serviceFile.toUri().toURL()).stream()
          .filter(name -> !found.contains(name))
          .toList();
      if (!missing.isEmpty()) {
        getLog().warn("Not generated: " + String.join(", ", missing) + ", listed in " + shown(serviceFile)
            + ", is not compiled yet: statecraft:generate runs in " + phase()
            + ", before the module's classes are compiled, so only the workflows of its dependencies were generated. "
            + BIND_OR_MOVE);
      }
    }
  }

  private Optional<Path> ownSource(String className) {
    return OwnClasses.sourceOf(className, project.getCompileSourceRoots().stream().map(Path::of).toList());
  }

  private String noWorkflowMessage() throws IOException {
    if (ownServiceFileExists() && !ownClassesCompiled()) {
      return wrongPhaseMessage();
    }
    return "No workflow found on the runtime classpath of " + project.getId() + ". Either add a dependency on"
        + " a module whose jar lists its Workflow classes in " + WorkflowLoader.SERVICE_FILE
        + " (or name the classes in <workflows>), or, to generate from this module's own classes, bind the"
        + " generate goal to the process-classes phase. See docs/maven-plugin.md.";
  }

  // The phase is named only to explain; what was found (classes missing or older than their
  // sources) decided.
  private String wrongPhaseMessage() {
    return "The workflows of " + project.getId() + " are in this module, but statecraft:generate runs in " + phase()
        + ", before the module's classes are compiled. " + BIND_OR_MOVE;
  }

  private String phase() {
    return mojoExecution.getLifecyclePhase() == null ? "this phase" : mojoExecution.getLifecyclePhase();
  }

  // Classes left by an earlier build, older than a source changed since: generating from them
  // would publish yesterday's workflow, so say which class and which source.
  private String staleClassMessage(String className, Path source) {
    return "Workflow class " + className + " in target/classes is older than its source " + shown(source)
        + ", and statecraft:generate runs in " + phase() + ", before this build compiles it. " + BIND_OR_MOVE;
  }

  private String shown(Path path) {
    Path base = project.getBasedir().toPath().toAbsolutePath();
    Path absolute = path.toAbsolutePath();
    return absolute.startsWith(base) ? base.relativize(absolute).toString() : absolute.toString();
  }
}
