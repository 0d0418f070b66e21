package io.statecraft.bench;

import io.statecraft.asl.CompiledDefinition;
import io.statecraft.asl.DefinitionCompiler;
import io.statecraft.dsl.workflow.WorkflowType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * The work {@link BuildValidateWriteBenchmark} measures: build {@code count} definitions of about
 * {@code states} states with the DSL, compile each (canonical JSON and every validation rule), and
 * write each to its own file, as a Maven build with many workflows would.
 */
final class BuildValidateWrite {

  private BuildValidateWrite() {}

  /**
   * Does the work, on one thread (a plain loop, as the Maven plugin goes through workflows) or
   * spread over several.
   *
   * @return definitions written, states in all, problems found
   */
  static int[] run(int count, int states, Path folder, int threads) {
    if (threads == 1) {
      int[] totals = new int[3];
      for (int i = 0; i < count; i++) {
        add(totals, compileAndWrite(i, states, folder));
      }
      return totals;
    }
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      return pool.submit(() -> IntStream.range(0, count).parallel()
          .mapToObj(i -> compileAndWrite(i, states, folder))
          .reduce(new int[3], (a, b) -> add(add(new int[3], a), b))).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static int[] add(int[] totals, int[] more) {
    for (int i = 0; i < totals.length; i++) {
      totals[i] += more[i];
    }
    return totals;
  }

  private static int[] compileAndWrite(int index, int states, Path folder) {
    CompiledDefinition compiled = DefinitionCompiler.compile(SyntheticWorkflows.of(states, index), WorkflowType.STANDARD);
    try {
      Files.writeString(folder.resolve("definition-" + index + ".asl.json"), compiled.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[] {1, compiled.definition().allStates().size(), compiled.problems().size()};
  }
}
