package io.statecraft.asl.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statecraft.asl.json.JsonDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The data flow reports nothing on definitions that work: the three reference workflows' generated
 * definitions (the workflows module's golden files, read as files), the generator's sample
 * workflows and the aws module's golden definitions, AWS's published samples in {@code ../shared/reference} (all but the
 * seed's patch-alerts original, which is wrong on purpose, see {@link PatchAlertsOriginalTest}) and
 * the valid files of the statelint conformance corpus. A source that is absent on this machine is
 * skipped, saying so.
 */
final class NoFalsePositivesTest {

  @TestFactory
  Stream<DynamicTest> referenceWorkflows() throws IOException {
    return definitions(Path.of("../workflows/src/test/resources/golden"));
  }

  @TestFactory
  Stream<DynamicTest> generatorAndAwsGoldenDefinitions() throws IOException {
    // The generator's golden/asl files list every field once, not workflows that run; its cfn
    // samples are workflows.
    return Stream.concat(definitions(Path.of("../generator/src/test/resources/golden/cfn")),
        definitions(Path.of("../aws/src/test/resources/golden")));
  }

  @TestFactory
  Stream<DynamicTest> awsSamples() throws IOException {
    Path reference = shared("reference");
    if (reference == null) {
      return skipped("AWS samples in ${statecraft.sharedDir}/reference");
    }
    return definitions(reference).filter(test -> !test.getDisplayName().contains("patch-alerts"));
  }

  @TestFactory
  Stream<DynamicTest> conformanceCorpus() throws IOException {
    Path corpus = shared("conformance/statelint-awslabs/valid");
    if (corpus == null) {
      return skipped("statelint corpus at ${statecraft.sharedDir}/conformance/statelint-awslabs");
    }
    return definitions(corpus);
  }

  private static Path shared(String relative) {
    String shared = System.getProperty("statecraft.sharedDir");
    if (shared == null) {
      return null;
    }
    Path path = Path.of(shared).resolve(relative);
    return Files.isDirectory(path) ? path : null;
  }

  private static Stream<DynamicTest> skipped(String what) {
    return Stream.of(DynamicTest.dynamicTest(what, () -> assumeTrue(false, "skipped: " + what + " is not here"
        + " (statecraft.sharedDir=" + System.getProperty("statecraft.sharedDir") + ")")));
  }

  private static Stream<DynamicTest> definitions(Path root) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> file.toString().endsWith(".asl.json") || root.endsWith("valid") && JsonDocuments.isDefinitionFile(file))
          .sorted()
          .forEach(files::add);
    }
    assertThat(files).as("definitions under %s", root).isNotEmpty();
    return files.stream().map(file -> DynamicTest.dynamicTest(root.relativize(file).toString(),
        () -> assertThat(FlowReport.dataFlowProblems(file)).isEmpty()));
  }
}
