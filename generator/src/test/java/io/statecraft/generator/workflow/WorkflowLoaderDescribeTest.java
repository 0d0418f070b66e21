package io.statecraft.generator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class WorkflowLoaderDescribeTest {

  private static IllegalArgumentException thrownAt(StackTraceElement... frames) {
    IllegalArgumentException error = new IllegalArgumentException("not a token");
    error.setStackTrace(frames);
    return error;
  }

  private static StackTraceElement frame(String className, String method, String file, int line) {
    return new StackTraceElement(className, method, file, line);
  }

  @Test
  void aMistakeInsideAnyStatecraftModuleIsReportedAtTheAuthorsLine() {
    IllegalArgumentException error = thrownAt(
        frame("io.statecraft.aws.DynamicTokens", "token", "DynamicTokens.java", 80),
        frame("io.statecraft.aws.AwsSdk", "text", "AwsSdk.java", 61),
        frame("io.statecraft.dsl.Task", "call", "Task.java", 120),
        frame("com.acme.Flows", "spec", "Flows.java", 12),
        frame(WorkflowCompiler.class.getName(), "compile", "WorkflowCompiler.java", 40));

    assertThat(WorkflowLoader.describe(error))
        .isEqualTo("IllegalArgumentException: not a token (at com.acme.Flows.spec(Flows.java:12))");
  }

  @Test
  void noLineWhenTheAuthorIsNotOnTheStackBeforeTheGeneratorCalledIt() {
    IllegalArgumentException error = thrownAt(
        frame("io.statecraft.generator.cfn.TemplateGenerator", "generate", "TemplateGenerator.java", 99),
        frame(WorkflowCompiler.class.getName(), "compile", "WorkflowCompiler.java", 40),
        frame("org.apache.maven.plugin.DefaultBuildPluginManager", "executeMojo", "DefaultBuildPluginManager.java", 126));

    assertThat(WorkflowLoader.describe(error)).isEqualTo("IllegalArgumentException: not a token");
  }
}
