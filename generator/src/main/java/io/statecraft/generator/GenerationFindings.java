package io.statecraft.generator;

import io.statecraft.asl.Problem;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.asl.report.SarifReport;
import io.statecraft.generator.workflow.OutputFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The problems of a generation run as problems of files, for the machine-readable reports ({@code
 * --format json|sarif}, the plugin's {@code problems.sarif}): a problem of the definition belongs to
 * {@code definition.asl.json}, one of the template to {@code template.json}, each in the workflow's
 * output folder (written or not, the text is known); a workflow that could not be built is named by
 * its class.
 */
public final class GenerationFindings {

  // The top-level sections of a CloudFormation template; a definition has none of them.
  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final List<String> TEMPLATE_SECTIONS = List.of("/Resources", "/Parameters", "/Outputs",
      "/Conditions", "/Mappings", "/Metadata", "/Description", "/Transform", "/Rules");

  private GenerationFindings() {}

  /**
   * Every problem of {@code report}, workflow by workflow, each sorted as reports are.
   *
   * @param shown how a file is named in the report (as given, or relative to a project folder)
   */
  public static List<Finding> of(Generation.Report report, Function<Path, String> shown) {
    List<Finding> findings = new ArrayList<>();
    for (Generation.Outcome outcome : report.outcomes()) {
      if (outcome instanceof Generation.Compiled compiled) {
        for (Problem problem : sorted(compiled.workflow().problems())) {
          findings.add(new Finding(shown.apply(fileOf(compiled, problem)), problem));
        }
      } else if (outcome instanceof Generation.NotBuilt notBuilt) {
        for (Problem problem : sorted(notBuilt.problems())) {
          findings.add(new Finding(notBuilt.className(), problem));
        }
      }
    }
    return findings;
  }

  /**
   * {@code base} with the text of each compiled workflow's definition and template, written or not,
   * under the names {@link #of} gives them.
   */
  public static SarifReport.Sources sources(Generation.Report report, SarifReport.Sources base,
      Function<Path, String> shown) {
    SarifReport.Sources sources = base;
    for (Generation.Compiled compiled : report.compiled()) {
      for (OutputFile file : List.of(OutputFile.DEFINITION, OutputFile.TEMPLATE_JSON)) {
        String text = compiled.workflow().files().get(file);
        if (text != null) {
          sources = sources.withDocument(shown.apply(compiled.directory().resolve(file.fileName())), text);
        }
      }
    }
    return sources;
  }

  private static Path fileOf(Generation.Compiled compiled, Problem problem) {
    boolean template = false;
    for (String section : TEMPLATE_SECTIONS) {
      if (problem.pointer().equals(section) || problem.pointer().startsWith(section + "/")) {
        template = true;
        break;
      }
    }
    OutputFile file = template ? OutputFile.TEMPLATE_JSON : OutputFile.DEFINITION;
    return compiled.directory().resolve(file.fileName());
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> sorted = new ArrayList<>(problems);
    sorted.sort(Problem.ORDER);
    return sorted;
  }
}
