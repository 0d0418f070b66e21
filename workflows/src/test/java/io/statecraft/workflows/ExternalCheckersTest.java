package io.statecraft.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The golden templates and definitions through checkers Statecraft did not write
 * ({@code ../shared/tools}: cfn-lint, asl-validator, statelint, amazon-states-language-service).
 * Skipped where those tools are not installed.
 */
class ExternalCheckersTest {

  static final Path GOLDEN = ReferenceWorkflowsTest.GOLDEN;
  static final List<String> IDS = List.of("exposed-access-key", "patch-alerts", "patch-infrequent-instances");

  // statelint predates JSONata: it wants a number in Seconds, where AWS accepts an expression in a
  // JSONata state ("Seconds": "{% $wait %}"). asl-validator and the AWS documentation accept it.
  static final String STATELINT_JSONATA_WAIT =
      "statelint=FAIL\tasls=ok\tstatelint: State Machine.States.WaitUntilReady.Seconds is \"{% $wait %}\" but should be an Integer";

  @Test
  void templatesPassCfnLint() {
    List<String> command = new ArrayList<>(List.of(tool("cfn-check").toString()));
    for (String id : IDS) {
      command.add(GOLDEN.resolve(id).resolve("template.yaml").toString());
      command.add(GOLDEN.resolve(id).resolve("template.json").toString());
    }
    Result result = run(command);
    assertThat(result.exit).as(result.output).isZero();
    assertThat(result.output.lines().filter(line -> line.contains(": OK (0 crit, 0 warn, 0 info")).count())
        .as(result.output).isEqualTo(6);
  }

  @Test
  void definitionsPassTheAslValidators() {
    List<String> command = new ArrayList<>(List.of(tool("asl-check").toString(), "--subst-dummy", "--statelint-lenient"));
    IDS.forEach(id -> command.add(GOLDEN.resolve(id).resolve("definition.asl.json").toString()));
    Result result = run(command);
    List<String> lines = result.output.lines().filter(line -> line.contains("definition.asl.json")).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).endsWith("exposed-access-key/definition.asl.json\tasl-validator=ok\tstatelint=ok\tasls=ok\t");
    assertThat(lines.get(1)).endsWith("patch-alerts/definition.asl.json\tasl-validator=ok\tstatelint=ok\tasls=ok\t");
    assertThat(lines.get(2)).endsWith("patch-infrequent-instances/definition.asl.json\tasl-validator=ok\t" + STATELINT_JSONATA_WAIT);
  }

  private static Path tool(String name) {
    Path tool = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"), "tools", name);
    assumeTrue(Files.isExecutable(tool), "skipped: " + tool + " is not installed");
    return tool;
  }

  private record Result(int exit, String output) {}

  private static Result run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      int exit = process.waitFor();
      assumeTrue(!output.contains("npm ERR") && !output.contains("node: not found"), "skipped: the checkers cannot run: " + output);
      return new Result(exit, output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
