package io.statecraft.generator.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class WorkflowClassFilesTest {

  @TempDir
  Path dir;

  @Test
  void theServicesFileGoesNextToASourceFolderNamedJavaAndListsTheClassOnce() throws IOException {
    Path java = dir.resolve("src/main/java");
    Path services = dir.resolve("src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "com.acme.Other\ncom.acme.Flow\n");

    Map<Path, String> files = WorkflowClassFiles.of(java, null, Path.of("com/acme/Flow.java"), "class Flow {}", "com.acme.Flow");

    assertThat(files).containsExactly(
        Map.entry(java.resolve("com/acme/Flow.java"), "class Flow {}"),
        Map.entry(services, "com.acme.Other\ncom.acme.Flow\n"));
  }

  @Test
  void aGivenResourcesFolderWinsAndOtherwiseTheSourceFolderHoldsTheServicesFile() {
    Path out = dir.resolve("generated");
    Path resources = dir.resolve("res");

    Map<Path, String> files = WorkflowClassFiles.of(out, resources, Path.of("Flow.java"), "class Flow {}", "Flow");

    assertThat(files).containsEntry(resources.resolve("META-INF/services/io.statecraft.dsl.workflow.Workflow"), "Flow\n");
    assertThat(WorkflowClassFiles.of(out, null, Path.of("Flow.java"), "", "Flow"))
        .containsKey(out.resolve("META-INF/services/io.statecraft.dsl.workflow.Workflow"));
  }
}
