package io.statecraft.generator;

import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemException;
import io.statecraft.generator.workflow.CompiledWorkflow;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowCompiler;
import io.statecraft.generator.workflow.WorkflowLoader;
import io.statecraft.generator.workflow.WorkflowLoader.LoadException;
import io.statecraft.generator.workflow.WorkflowLoader.LoadedWorkflow;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one way to generate workflows, which {@code statecraft generate} and the Maven plugin's
 * {@code generate} goal both call with their own options: load the workflow classes, compile each
 * into its definition, templates and diagram, and, only when every workflow is sound, write each
 * file whose bytes changed. The caller prints the {@link Report} its own way.
 *
 * <p>All or nothing: one workflow with errors (or warnings, with {@code failOnWarning}), one that
 * cannot be built, or two with the same id, and nothing at all is written, so the files of the
 * last good build stay as they were.
 */
public final class Generation {

  /**
   * How to generate.
   *
   * @param outputDirectory the folder that receives one subfolder per workflow id
   * @param files which files to write
   * @param failOnWarning whether a warning stops the writing as an error does
   * @param whereToFindClasses completes "Workflow class X is not on ..." when a class is missing
   */
  public record Options(Path outputDirectory, Set<OutputFile> files, boolean failOnWarning, String whereToFindClasses) {

    public Options {
      Objects.requireNonNull(outputDirectory, "outputDirectory == null");
      Objects.requireNonNull(whereToFindClasses, "whereToFindClasses == null");
      files = Set.copyOf(files);
    }
  }

  /** What became of one workflow class. */
  public sealed interface Outcome {

    /** The class the workflow came from. */
    String className();

    /** Whether this outcome lets the files be written. */
    boolean isSound(boolean failOnWarning);
  }

  /**
   * A workflow compiled into its files, with every problem found.
   *
   * @param written the files written into {@code directory}; empty when all were up to date or
   *     when nothing was written because some workflow was not sound
   */
  public record Compiled(String className, CompiledWorkflow workflow, Path directory, List<OutputFile> written)
      implements Outcome {

    public Compiled {
      written = List.copyOf(written);
    }

    @Override
    public boolean isSound(boolean failOnWarning) {
      return !workflow.hasErrors() && !(failOnWarning && !workflow.problems().isEmpty());
    }
  }

  /**
   * A workflow whose own code failed while it was built ({@code id()} or {@code spec()} threw), or
   * whose state machine the DSL refused to build.
   *
   * @param reason the exception and the author's line, without a stack trace ({@link WorkflowLoader#describe})
   * @param problems the problems, when the DSL refused the state machine; otherwise empty
   * @param missingClass whether a class the workflow uses is missing from the classpath: a problem
   *     of the setup (a dependency not given), not of the workflow
   */
  public record NotBuilt(String className, String reason, List<Problem> problems, boolean missingClass)
      implements Outcome {

    public NotBuilt {
      problems = List.copyOf(problems);
    }

    /** A workflow that failed for a reason of its own, not a class missing from its classpath. */
    public NotBuilt(String className, String reason, List<Problem> problems) {
      this(className, reason, problems, false);
    }

    @Override
    public boolean isSound(boolean failOnWarning) {
      return false;
    }
  }

  /** A workflow whose id another class of the same run already has. */
  public record DuplicateId(String className, String id, String otherClassName) implements Outcome {

    @Override
    public boolean isSound(boolean failOnWarning) {
      return false;
    }
  }

  /**
   * The outcome of a run, in the order the classes were given.
   *
   * @param written whether the files were written (every workflow sound)
   */
  public record Report(List<Outcome> outcomes, boolean written) {

    public Report {
      outcomes = List.copyOf(outcomes);
    }

    /** The workflows that compiled, by id. */
    public List<Compiled> compiled() {
      List<Compiled> compiled = new ArrayList<>();
      for (Outcome outcome : outcomes) {
        if (outcome instanceof Compiled one) {
          compiled.add(one);
        }
      }
      compiled.sort(BY_ID);
      return Collections.unmodifiableList(compiled);
    }

    /** The outcomes that stopped the writing. */
    public List<Outcome> failures(boolean failOnWarning) {
      List<Outcome> failures = new ArrayList<>();
      for (Outcome outcome : outcomes) {
        if (!outcome.isSound(failOnWarning)) {
          failures.add(outcome);
        }
      }
      return Collections.unmodifiableList(failures);
    }

    /**
     * The workflow classes the failures name, each once (a duplicate id names two): what a summary
     * such as "2 workflows have problems" counts.
     */
    public Set<String> failingClasses(boolean failOnWarning) {
      Set<String> names = new LinkedHashSet<>();
      for (Outcome failure : failures(failOnWarning)) {
        if (failure instanceof DuplicateId duplicate) {
          names.add(duplicate.otherClassName());
        }
        names.add(failure.className());
      }
      return names;
    }
  }

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Comparator<Compiled> BY_ID = new ById();

  private static final class ById implements Comparator<Compiled> {
    @Override
    public int compare(Compiled a, Compiled b) {
      return a.workflow().id().compareTo(b.workflow().id());
    }
  }

  private Generation() {}

  /**
   * Loads each class in {@code classNames} from {@code classes}, with it as the thread's context
   * class loader (workflows may look resources up through it, as frameworks do), and generates.
   *
   * @throws LoadException when a class cannot be found, is no workflow, or cannot be created: a
   *     problem of the setup, not of a workflow
   * @throws java.io.UncheckedIOException when a file cannot be written
   */
  public static Report run(URLClassLoader classes, List<String> classNames, Options options) throws LoadException {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(classes);
    try {
      return generate(new WorkflowLoader(classes, options.whereToFindClasses()).load(classNames), options);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** Compiles {@code loaded} and writes the files when every workflow is sound. */
  public static Report generate(List<LoadedWorkflow> loaded, Options options) {
    List<Outcome> outcomes = new ArrayList<>();
    Map<String, String> classById = new HashMap<>();
    for (LoadedWorkflow workflow : loaded) {
      Outcome outcome = compile(workflow, options);
      if (outcome instanceof Compiled compiled) {
        String other = classById.putIfAbsent(compiled.workflow().id(), workflow.className());
        if (other != null) {
          outcome = new DuplicateId(workflow.className(), compiled.workflow().id(), other);
        }
      }
      outcomes.add(outcome);
    }
    for (Outcome outcome : outcomes) {
      if (!outcome.isSound(options.failOnWarning())) {
        return new Report(outcomes, false);
      }
    }
    List<Outcome> written = new ArrayList<>();
    for (Outcome outcome : outcomes) {
      Compiled compiled = (Compiled) outcome;
      written.add(new Compiled(compiled.className(), compiled.workflow(), compiled.directory(),
          compiled.workflow().writeTo(compiled.directory(), options.files())));
    }
    return new Report(written, true);
  }

  private static boolean isMissingClass(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      if (cause instanceof NoClassDefFoundError || cause instanceof ClassNotFoundException) {
        return true;
      }
    }
    return false;
  }

  private static Outcome compile(LoadedWorkflow workflow, Options options) {
    CompiledWorkflow compiled;
    try {
      compiled = WorkflowCompiler.compile(workflow.workflow());
    } catch (ProblemException e) {
      return new NotBuilt(workflow.className(), e.getMessage(), e.problems());
    } catch (StackOverflowError e) {
      return new NotBuilt(workflow.className(), WorkflowLoader.describe(e)
          + ": the workflow's id() or spec() calls itself without end", List.of());
    } catch (RuntimeException | Error e) {
      // The workflow's own code failed (any Throwable it may throw): its author's problem to fix,
      // reported at the author's line; or a class it needs is not on the classpath.
      return new NotBuilt(workflow.className(), WorkflowLoader.describe(e), List.of(), isMissingClass(e));
    }
    return new Compiled(workflow.className(), compiled, options.outputDirectory().resolve(compiled.id()), List.of());
  }
}
