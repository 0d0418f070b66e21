package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the generate path free of lambdas, method references, streams and records' generated
 * {@code equals}: in a fresh JVM each such call site is linked through {@code invokedynamic} on
 * first use, spinning a class at run time. In Maven's JVM after {@code mvn clean} that linking was
 * 27 % of the {@code statecraft:generate} goal (issue 19, bench/RESULTS.md).
 *
 * <p>A child JVM runs {@code statecraft generate} of the launcher's training sample with
 * {@code -Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true}, which prints one
 * {@code linkCallSite <caller> <bootstrap> ...} line per call site as it is linked.
 */
class ColdGenerateLinkageTest {

  private static final List<String> SPINNING_BOOTSTRAPS =
      List.of("LambdaMetafactory", "StringConcatFactory", "ObjectMethods");

  @Test
  void aColdGenerateLinksNoCallSiteOfStatecraftsOwnCode(@TempDir Path output) throws Exception {
    List<String> command = List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "generate", "--class", ArchiveTraining.Sample.class.getName(),
        "--output", output.toString());
    Path log = output.resolve("linkage.log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends within two minutes").isTrue();

    assertThat(process.exitValue()).as("exit status; its output:%n%s", tail(log)).isZero();
    assertThat(output.resolve("training/template.yaml")).exists();
    assertThat(statecraftSites(log))
        .as("call sites of Statecraft's code linked by a cold generate: write these as plain loops, or "
            + "records' equals and hashCode out, as the classes of the generate path do")
        .isEmpty();
  }

  private static List<String> statecraftSites(Path log) throws IOException {
    List<String> sites = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      if (line.startsWith("linkCallSite io.statecraft.") && SPINNING_BOOTSTRAPS.stream().anyMatch(line::contains)) {
        sites.add(line.length() > 240 ? line.substring(0, 240) + "..." : line);
      }
    }
    return sites;
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }
}
