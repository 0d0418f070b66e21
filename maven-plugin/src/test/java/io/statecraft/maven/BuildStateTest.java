package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class BuildStateTest {

  @TempDir
  Path dir;

  private Path classes;
  private Path jar;
  private Path output;
  private Path stateFile;
  private Path copy;

  @BeforeEach
  void files() throws IOException {
    classes = Files.createDirectories(dir.resolve("classes/com/acme")).getParent().getParent();
    Files.writeString(classes.resolve("com/acme/Flow.class"), "v1");
    jar = Files.writeString(dir.resolve("dep.jar"), "jar");
    output = Files.writeString(dir.resolve("template.yaml"), "Resources: {}\n");
    stateFile = dir.resolve("state/default.state");
    copy = dir.resolve("classes/statecraft/flow-a/template.yaml");
  }

  private List<String> inputs(String format) {
    GenerateInputs configuration = new GenerateInputs(List.of(format), List.of(), false, true, false, "statecraft", "/out", false);
    return BuildState.inputs(List.of(classes.toString(), jar.toString()), List.of(BuildStateTest.class), configuration);
  }

  private void save() {
    BuildState.of(inputs("all"), List.of("flow-a", "flow-b"), List.of(output), List.of(copy)).write(stateFile);
  }

  @Test
  void aSavedStateReadsBackAndIsCurrentWhileNothingChanges() {
    save();
    BuildState saved = BuildState.read(stateFile).orElseThrow();
    assertThat(saved.ids()).containsExactly("flow-a", "flow-b");
    assertThat(saved.isCurrent(inputs("all"))).isTrue();
  }

  @Test
  void aRewrittenClassInAFolderIsAChange() throws IOException {
    save();
    Path flow = classes.resolve("com/acme/Flow.class");
    Files.writeString(flow, "v2");
    Files.setLastModifiedTime(flow, FileTime.fromMillis(Files.getLastModifiedTime(flow).toMillis() + 5000));
    assertThat(BuildState.read(stateFile).orElseThrow().isCurrent(inputs("all"))).isFalse();
  }

  @Test
  void anotherConfigurationIsAChange() {
    save();
    assertThat(BuildState.read(stateFile).orElseThrow().isCurrent(inputs("yaml"))).isFalse();
  }

  @Test
  void aDeletedOrEditedOutputIsAChange() throws IOException {
    save();
    Files.writeString(output, "edited by hand\n");
    assertThat(BuildState.read(stateFile).orElseThrow().isCurrent(inputs("all"))).isFalse();
    Files.delete(output);
    assertThat(BuildState.read(stateFile).orElseThrow().isCurrent(inputs("all"))).isFalse();
  }

  @Test
  void noSavedStateAfterForget() {
    save();
    BuildState.forget(stateFile);
    assertThat(BuildState.read(stateFile)).isEmpty();
  }

  @Test
  void theCopiesInTheClassesFolderAreRecordedAndKeptWhenInvalidated() throws IOException {
    save();
    BuildState saved = BuildState.read(stateFile).orElseThrow();
    assertThat(saved.outputFiles()).containsExactly(output.toAbsolutePath());
    assertThat(saved.copyFiles()).containsExactly(copy.toAbsolutePath());
    saved.invalidated().write(stateFile);
    assertThat(BuildState.read(stateFile).orElseThrow().copyFiles()).containsExactly(copy.toAbsolutePath());
  }

  @Test
  void aMissingCopyIsNoChangeSinceAnUpToDateBuildCopiesAgain() {
    save();
    assertThat(Files.exists(copy)).isFalse();
    assertThat(BuildState.read(stateFile).orElseThrow().isCurrent(inputs("all"))).isTrue();
  }
}
