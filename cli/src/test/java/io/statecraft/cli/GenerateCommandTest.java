package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import example.flows.Throwing;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.dsl.Json;
import io.statecraft.dsl.Pass;
import io.statecraft.dsl.Placeholder;
import io.statecraft.dsl.StateMachine;
import io.statecraft.dsl.workflow.Parameter;
import io.statecraft.dsl.workflow.Workflow;
import io.statecraft.dsl.workflow.WorkflowSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public final class GenerateCommandTest {

  /** A sound workflow. */
  public static final class Greeting implements Workflow {
    @Override
    public String id() {
      return "greeting";
    }

    @Override
    public WorkflowSpec spec() {
      Parameter name = Parameter.string("Name").defaultValue("world");
      return WorkflowSpec.builder(StateMachine.startWith(
              Pass.named("Greet").parameters(Json.object().put("name", name.ref()))))
          .description("Greets someone")
          .parameters(name)
          .build();
    }
  }

  /** A workflow whose definition uses a placeholder nothing fills in. */
  public static final class Broken implements Workflow {
    @Override
    public String id() {
      return "greeting";
    }

    @Override
    public WorkflowSpec spec() {
      return WorkflowSpec.builder(StateMachine.startWith(
          Pass.named("Greet").parameters(Json.object().put("name", Placeholder.string("Nmae"))))).build();
    }
  }

  @TempDir
  Path dir;

  @Test
  void writesTheFilesOnceAndThenFindsThemUpToDate() throws IOException {
    String out = dir.resolve("out").toString();
    CommandLine first = CommandLine.run("generate", "--class", Greeting.class.getName(), "--output", out);

    assertThat(first.status()).isZero();
    assertThat(first.out()).isEmpty();
    Path folder = dir.resolve("out/greeting");
    assertThat(first.err()).isEqualTo("wrote " + folder.resolve("definition.asl.json") + "\n"
        + "wrote " + folder.resolve("template.yaml") + "\n"
        + "wrote " + folder.resolve("template.json") + "\n"
        + "wrote " + folder.resolve("diagram.mmd") + "\n");
    assertThat(Files.readString(folder.resolve("template.yaml")))
        .startsWith("AWSTemplateFormatVersion: \"2010-09-09\"\nDescription: \"greeting: Greets someone\"\n");

    CommandLine second = CommandLine.run("generate", "--class", Greeting.class.getName(), "--output", out);
    assertThat(second.status()).isZero();
    assertThat(second.err()).startsWith("up to date " + folder.resolve("definition.asl.json") + "\n");
  }

  @Test
  void aWorkflowWithErrorsWritesNothingAndLeavesEarlierFilesAlone() throws IOException {
    String out = dir.resolve("out").toString();
    CommandLine.run("generate", "--class", Greeting.class.getName(), "--output", out);
    Path template = dir.resolve("out/greeting/template.json");
    String before = Files.readString(template);

    CommandLine run = CommandLine.run("generate", "--class", Broken.class.getName(), "--output", out);

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(Broken.class.getName() + ": ERROR MISSING_SUBSTITUTION /States/Greet/Parameters/name: "
        + "placeholder ${Nmae} is filled in by no parameter or resource of the workflow; declare the Parameter in "
        + "WorkflowSpec.parameters(...) or the resource in WorkflowSpec.resources(...) "
        + "(io/statecraft/cli/GenerateCommandTest.java:51)\n");
    assertThat(run.err()).isEqualTo("statecraft generate: " + Broken.class.getName() + " has 1 error; nothing written\n");
    assertThat(Files.readString(template)).isEqualTo(before);
  }

  @Test
  void problemsAsSarifPointAtTheJavaLineAndTheDefinitionLine() throws IOException {
    String out = dir.resolve("out").toString();

    CommandLine run = CommandLine.run("generate", "--class", Broken.class.getName(), "--output", out, "--format", "sarif");

    assertThat(run.status()).isEqualTo(1);
    JsonNode result = JsonDocuments.mapper().readTree(run.out()).at("/runs/0/results/0");
    assertThat(result.get("ruleId").asText()).isEqualTo("MISSING_SUBSTITUTION");
    assertThat(result.at("/locations/0/physicalLocation").toString()).isEqualTo(
        "{\"artifactLocation\":{\"uri\":\"io/statecraft/cli/GenerateCommandTest.java\"},\"region\":{\"startLine\":51}}");
    assertThat(result.at("/locations/1/physicalLocation").toString()).isEqualTo(
        "{\"artifactLocation\":{\"uri\":\"" + Path.of(out, "greeting", "definition.asl.json").toUri()
            + "\"},\"region\":{\"startLine\":7,\"startColumn\":9}}");
    assertThat(Files.exists(dir.resolve("out/greeting/definition.asl.json"))).isFalse();
  }

  @Test
  void problemsAsJsonCarryTheServiceCode() throws IOException {
    CommandLine run = CommandLine.run("generate", "--class", Broken.class.getName(), "--output",
        dir.resolve("out").toString(), "--format", "json");

    JsonNode problem = JsonDocuments.mapper().readTree(run.out()).get(0);
    assertThat(problem.get("code").asText()).isEqualTo("MISSING_SUBSTITUTION");
    assertThat(problem.get("awsCode").isNull()).isTrue();
    assertThat(problem.get("source").asText()).isEqualTo("io/statecraft/cli/GenerateCommandTest.java:51");
  }

  @Test
  void aFailingWorkflowIsReportedWithoutStackTrace() {
    CommandLine run = CommandLine.run("generate", "--class", Throwing.class.getName(), "--output", dir.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("statecraft generate: workflow " + Throwing.class.getName() + " cannot be built: "
        + "IllegalStateException: no state machine yet (at " + Throwing.class.getName()
        + ".spec(Throwing.java:15))\n");
  }

  @Test
  void badClassesAreBadUsage() {
    CommandLine missing = CommandLine.run("generate", "--class", "com.acme.Missing");
    assertThat(missing.status()).isEqualTo(2);
    assertThat(missing.firstErrLine()).isEqualTo("statecraft generate: Workflow class com.acme.Missing is not on the classpath; "
        + "give the folder or jar that holds it (and its dependencies) with --classpath");

    CommandLine notWorkflow = CommandLine.run("generate", "--class", "java.lang.String");
    assertThat(notWorkflow.firstErrLine())
        .isEqualTo("statecraft generate: Class java.lang.String does not implement io.statecraft.dsl.workflow.Workflow;"
            + " list only Workflow implementations");

    CommandLine noClass = CommandLine.run("generate");
    assertThat(noClass.firstErrLine())
        .isEqualTo("statecraft generate: no workflow class given; use --class com.acme.PatchAlerts");

    CommandLine badPath = CommandLine.run("generate", "--class", "x.Y", "--classpath", dir.resolve("nope").toString());
    assertThat(badPath.firstErrLine())
        .isEqualTo("statecraft generate: classpath entry " + dir.resolve("nope") + " does not exist");
  }

  @Test
  void aSpecThatRecursesForeverIsTheWorkflowsProblemWithoutStackTrace() {
    CommandLine run = CommandLine.run("generate", "--class", example.flows.Recursing.class.getName(), "--output", dir.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("statecraft generate: workflow " + example.flows.Recursing.class.getName() + " cannot be built: "
        + "StackOverflowError (at " + example.flows.Recursing.class.getName() + ".spec(Recursing.java:15)): the workflow's id() or "
        + "spec() calls itself without end\n");
  }

  @Test
  void aStaticInitializerThatThrowsIsReportedWithItsCause() {
    CommandLine run = CommandLine.run("generate", "--class", example.flows.FailingStatic.class.getName(), "--output", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).startsWith("statecraft generate: Workflow class " + example.flows.FailingStatic.class.getName()
        + " cannot be loaded: a static initializer failed: IllegalStateException: AWS_REGION is not set (at "
        + example.flows.FailingStatic.class.getName() + ".region(FailingStatic.java:11))\n");
  }

  @Test
  void aDependencyMissingFromTheClasspathIsBadUsage() {
    CommandLine run = CommandLine.run("generate", "--class", example.flows.MissingDependency.class.getName(), "--output", dir.toString());

    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft generate: workflow " + example.flows.MissingDependency.class.getName()
        + " needs a class that is not on the classpath (NoClassDefFoundError: com/acme/lib/Regions (at "
        + example.flows.MissingDependency.class.getName() + ".spec(MissingDependency.java:15))); add the workflow's dependencies "
        + "to --classpath");
  }
}
