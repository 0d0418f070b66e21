package io.statecraft.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * JMH: the time to build, validate and write {@code count} definitions of about {@code states}
 * states, one whole batch per measurement (single-shot), into a new folder each time.
 *
 * <p>Run it with {@code bench/build-validate-write.sh}, which takes two readings: cold, one batch
 * in each of several fresh JVMs ({@code -wi 0 -i 1 -f N}), as a build starting from nothing; and
 * warm, after warm-up batches in the same JVM, JMH's usual steady state.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BuildValidateWriteBenchmark {

  @Param("1000")
  int count;

  @Param("50")
  int states;

  @Param({"1", "2"})
  int threads;

  private Path output;

  @Setup(Level.Iteration)
  public void newFolder() throws IOException {
    output = Files.createTempDirectory("statecraft-bench");
  }

  @TearDown(Level.Iteration)
  public void deleteFolder() throws IOException {
    try (Stream<Path> files = Files.walk(output)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> {
        try {
          Files.delete(file);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }

  @Benchmark
  public int buildValidateWrite() {
    int problems = BuildValidateWrite.run(count, states, output, threads)[2];
    if (problems != 0) {
      throw new IllegalStateException(problems + " problems in the synthetic definitions");
    }
    return problems;
  }
}
