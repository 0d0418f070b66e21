package io.statecraft.cli;

import io.statecraft.asl.Problem;
import io.statecraft.asl.report.ProblemReports.Format;
import io.statecraft.asl.report.SarifReport;
import io.statecraft.generator.Generation;
import io.statecraft.generator.GenerationFindings;
import io.statecraft.generator.workflow.OutputFile;
import io.statecraft.generator.workflow.WorkflowLoader;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * {@code statecraft generate --class NAME [--classpath PATH] [--output DIR]}: compiles a Java
 * workflow into its definition, CloudFormation template (YAML and JSON) and diagram.
 */
final class GenerateCommand implements Command {

  private static final String MISSING_CLASS_ADVICE =
      "the classpath; give the folder or jar that holds it (and its dependencies) with --classpath";

  @Override
  public String name() {
    return "generate";
  }

  @Override
  public String summary() {
    return "Write a Java workflow's definition, CloudFormation template and diagram";
  }

  @Override
  public String help() {
    return "Usage: statecraft generate --class NAME [--classpath PATH] [--output DIR] [--format text|json|sarif]\n"
        + "\n"
        + "Loads the Workflow class NAME (public, with a public no-argument constructor) from PATH (jars and\n"
        + "class folders separated by '" + File.pathSeparator + "'; the workflow's dependencies other than Statecraft too),\n"
        + "checks it, and writes DIR/<id>/definition.asl.json, template.yaml, template.json and diagram.mmd\n"
        + "(DIR defaults to target/statecraft). Files are written only when their content changes, and not at\n"
        + "all when the workflow has errors. Problems are printed one per line:\n"
        + "  NAME: SEVERITY CODE POINTER: message (File.java:line) [AWS: CODE]\n"
        + "or, with --format json or sarif, as the lint command prints them (the definition's or template's\n"
        + "file under DIR, and the Java file and line).\n"
        + "\n"
        + "Exit status: 0 written (warnings allowed), 1 the workflow has errors, 2 bad usage.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String className = null;
    String classpath = null;
    String output = "target/statecraft";
    Format format = Format.TEXT;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--help", "-h" -> {
          out.print(help());
          return ExitStatus.OK;
        }
        case "--class" -> className = Options.value(args, ++i, arg);
        case "--classpath", "-cp" -> classpath = Options.value(args, ++i, arg);
        case "--output" -> output = Options.value(args, ++i, arg);
        case "--format" -> format = LintCommand.parseFormat(Options.value(args, ++i, arg));
        default -> throw new UsageException(arg.startsWith("-") ? "unknown option " + arg : "unexpected argument " + arg
            + "; name the workflow with --class");
      }
    }
    if (className == null) {
      throw new UsageException("no workflow class given; use --class com.acme.PatchAlerts");
    }
    Generation.Options options = new Generation.Options(
        Path.of(output), EnumSet.allOf(OutputFile.class), false, MISSING_CLASS_ADVICE);
    Generation.Report report;
    try (URLClassLoader loader = new URLClassLoader(classpathUrls(classpath).toArray(new URL[0]),
        GenerateCommand.class.getClassLoader())) {
      report = Generation.run(loader, List.of(className), options);
    } catch (WorkflowLoader.LoadException e) {
      throw new UsageException(e.getMessage());
    } catch (UncheckedIOException e) {
      err.println("statecraft generate: " + e.getMessage());
      return ExitStatus.PROBLEMS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Generation.Outcome outcome = report.outcomes().get(0);
    List<Problem> problems;
    if (outcome instanceof Generation.NotBuilt notBuilt) {
      if (notBuilt.missingClass()) {
        throw new UsageException("workflow " + className + " needs a class that is not on the classpath ("
            + notBuilt.reason() + "); add the workflow's dependencies to --classpath");
      }
      if (notBuilt.problems().isEmpty()) {
        err.println("statecraft generate: workflow " + className + " cannot be built: " + notBuilt.reason());
        return ExitStatus.PROBLEMS;
      }
      problems = notBuilt.problems();
    } else {
      problems = ((Generation.Compiled) outcome).workflow().problems();
    }
    if (format == Format.TEXT) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Problem.ORDER);
      for (Problem problem : sorted) {
        out.println(className + ": " + problem.reportLine());
      }
    } else {
      LintCommand.print(GenerationFindings.of(report, Path::toString), format,
          GenerationFindings.sources(report, SarifReport.Sources.fromFiles(), Path::toString), out);
    }
    if (!report.written()) {
      int errors = 0;
      for (Problem problem : problems) {
        errors += problem.isError() ? 1 : 0;
      }
      err.println("statecraft generate: " + className + " has " + errors + (errors == 1 ? " error" : " errors")
          + "; nothing written");
      return ExitStatus.PROBLEMS;
    }
    Generation.Compiled compiled = (Generation.Compiled) outcome;
    for (OutputFile file : OutputFile.values()) {
      err.println((compiled.written().contains(file) ? "wrote " : "up to date ")
          + compiled.directory().resolve(file.fileName()));
    }
    return ExitStatus.OK;
  }

  static List<URL> classpathUrls(String classpath) throws UsageException {
    List<URL> urls = new ArrayList<>();
    if (classpath == null || classpath.isEmpty()) {
      return urls;
    }
    for (String entry : classpath.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
      if (entry.isEmpty()) {
        continue;
      }
      Path path = Path.of(entry);
      if (!Files.exists(path)) {
        throw new UsageException("classpath entry " + entry + " does not exist");
      }
      try {
        urls.add(path.toAbsolutePath().toUri().toURL());
      } catch (MalformedURLException e) {
        throw new UsageException("classpath entry " + entry + " is not a usable path");
      }
    }
    return urls;
  }
}
