package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import example.fixtures.Fixtures;
import io.statecraft.generator.workflow.WorkflowLoader;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plugin's use of the generator's {@link WorkflowLoader}, with the plugin's fixtures. */
final class WorkflowLoaderTest {

  private static final String FIXTURES = Fixtures.class.getName();

  @TempDir
  Path dir;

  private WorkflowLoader loaderOver(Path... roots) throws IOException {
    URL[] urls = new URL[roots.length];
    for (int i = 0; i < roots.length; i++) {
      urls[i] = roots[i].toUri().toURL();
    }
    return new WorkflowLoader(new URLClassLoader(urls, getClass().getClassLoader()),
        "the runtime classpath of this module; check the name, and that the module that contains it is a dependency");
  }

  private Path serviceFile(String folder, String content) throws IOException {
    Path root = dir.resolve(folder);
    Path file = root.resolve(WorkflowLoader.SERVICE_FILE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return root;
  }

  @Test
  void discoversTheClassesListedInEveryServiceFileInClasspathOrderWithoutCommentsOrRepeats() throws IOException {
    Path first = serviceFile("a", "# ours\ncom.acme.One  # the first\n\n  com.acme.Two\n");
    Path second = serviceFile("b", "com.acme.Two\ncom.acme.Three\n");
    assertThat(loaderOver(first, second).discover()).containsExactly("com.acme.One", "com.acme.Two", "com.acme.Three");
  }

  @Test
  void discoversNothingWhenNoServiceFileIsOnTheModulesOwnClasspath() throws IOException {
    assertThat(loaderOver(dir).discover()).isEmpty();
  }

  @Test
  void createsEachNamedClass() throws Exception {
    List<WorkflowLoader.LoadedWorkflow> loaded = loaderOver(dir).load(List.of(FIXTURES + "$Good"));
    assertThat(loaded).singleElement().satisfies(workflow -> {
      assertThat(workflow.className()).isEqualTo(FIXTURES + "$Good");
      assertThat(workflow.workflow().id()).isEqualTo("good");
    });
  }

  @Test
  void namesTheServiceFileOfAWrongEntryAndTheClassItProbablyMeant() throws IOException {
    Path root = serviceFile("flows", "com.acme.Flwo\n");
    Files.createDirectories(root.resolve("com/acme"));
    Files.write(root.resolve("com/acme/Flow.class"), new byte[0]);
    WorkflowLoader loader = loaderOver(root);

    assertThatThrownBy(() -> loader.load(loader.discover()))
        .hasMessage("Workflow class com.acme.Flwo, listed in " + root.resolve(WorkflowLoader.SERVICE_FILE) + ", is not on"
            + " the runtime classpath of this module; check the name, and that the module that contains it is a"
            + " dependency (did you mean com.acme.Flow?)");
  }

  @Test
  void suggestsAClassOfTheSamePackageForAWrongNameInTheConfiguration() throws IOException {
    Path root = dir.resolve("classes");
    Files.createDirectories(root.resolve("com/acme"));
    Files.write(root.resolve("com/acme/PatchAlerts.class"), new byte[0]);
    WorkflowLoader loader = loaderOver(root);

    assertThatThrownBy(() -> loader.load(List.of("com.acme.PatchAlert")))
        .hasMessage("Workflow class com.acme.PatchAlert is not on the runtime classpath of this module; check the name,"
            + " and that the module that contains it is a dependency (did you mean com.acme.PatchAlerts?)");
  }

  @Test
  void saysWhyAClassCannotBeUsed() throws IOException {
    WorkflowLoader loader = loaderOver(dir);
    assertThatThrownBy(() -> loader.load(List.of("com.acme.Missing")))
        .hasMessage("Workflow class com.acme.Missing is not on the runtime classpath of this module; check the name,"
            + " and that the module that contains it is a dependency");
    assertThatThrownBy(() -> loader.load(List.of(FIXTURES + "$NotAWorkflow")))
        .hasMessage("Class " + FIXTURES + "$NotAWorkflow does not implement io.statecraft.dsl.workflow.Workflow;"
            + " list only Workflow implementations");
    assertThatThrownBy(() -> loader.load(List.of(FIXTURES + "$NoDefaultConstructor")))
        .hasMessage("Workflow class " + FIXTURES + "$NoDefaultConstructor needs a public no-argument constructor"
            + " (and must be a public, non-abstract class)");
    assertThatThrownBy(() -> loader.load(List.of(FIXTURES + "$Abstract")))
        .hasMessage("Workflow class " + FIXTURES + "$Abstract cannot be created: it is abstract or an interface");
    assertThatThrownBy(() -> loader.load(List.of(FIXTURES + "$FailingConstructor")))
        .hasMessage("Creating workflow class " + FIXTURES + "$FailingConstructor failed: IllegalArgumentException:"
            + " missing setting (at " + FIXTURES + "$FailingConstructor.<init>(Fixtures.java:41))");
  }
}
