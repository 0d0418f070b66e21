package io.statecraft.bench;

import io.statecraft.generator.CompiledDefinition;
import io.statecraft.generator.DefinitionCompiler;
import io.statecraft.generator.validate.StateMachineType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Builds, validates and writes {@code count} definitions of about {@code states} states in one
 * JVM, as a Maven build with many workflows would; prints the time taken, in milliseconds, from
 * the first definition to the last file written.
 *
 * <p>Usage: {@code BuildValidateWrite COUNT STATES OUTPUT_DIR [THREADS [ROUNDS]]}. With more than
 * one thread the definitions are compiled in parallel, as a build with many workflows may. With
 * more than one round the same work is done again in the same JVM, each round into a folder of
 * its own, and each round's time is printed: the first is a cold start, later ones show the
 * steady state once the JIT compiler has done its work (what JMH's warm-up measures).
 */
public final class BuildValidateWrite {

  private BuildValidateWrite() {}

  public static void main(String[] args) throws IOException {
    int count = Integer.parseInt(args[0]);
    int states = Integer.parseInt(args[1]);
    Path output = Path.of(args[2]);
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 1;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      for (int round = 1; round <= rounds; round++) {
        Path folder = Files.createDirectories(output.resolve("round-" + round));
        long start = System.nanoTime();
        int[] totals = pool.submit(() -> IntStream.range(0, count).parallel()
            .mapToObj(i -> compileAndWrite(i, states, folder))
            .reduce(new int[3], (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]})).get();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("round %d: %d definitions, %d states in all, %d problems, %d thread(s), written in %d ms%n",
            round, totals[0], totals[1], totals[2], threads, millis);
      }
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdown();
    }
  }

  private static int[] compileAndWrite(int index, int states, Path output) {
    CompiledDefinition compiled = DefinitionCompiler.compile(SyntheticWorkflows.of(states, index), StateMachineType.STANDARD);
    try {
      Files.writeString(output.resolve("definition-" + index + ".asl.json"), compiled.text(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new int[] {1, compiled.definition().allStates().size(), compiled.problems().size()};
  }
}
