package io.statecraft.bench;

import com.sun.management.OperatingSystemMXBean;
import io.statecraft.testing.Execution;
import io.statecraft.testing.LocalExecutor;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * State transitions per second of the offline executor on two definitions: a chain of Pass
 * states, and a Map over many items with one Pass state per item. Writes the definition and the
 * input to files (so that asl-run runs the very same ones), warms up for 3 s of CPU time, then takes
 * {@code RUNS} samples of at least 200 ms of CPU time each in one JVM and prints, per sample, the
 * mean CPU time of one execution: {@code run N: T ms, X transitions/s}.
 *
 * <p>Usage: {@code ExecutorThroughput pass-chain|map SIZE RUNS OUTPUT_DIR}
 */
public final class ExecutorThroughput {

  private static final OperatingSystemMXBean CPU =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private ExecutorThroughput() {}

  public static void main(String[] args) throws IOException {
    String scenario = args[0];
    int size = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    Path output = Files.createDirectories(Path.of(args[3]));
    String definition = scenario.equals("map") ? map() : passChain(size);
    String input = scenario.equals("map") ? items(size) : "{\"n\": 1}";
    long transitions = scenario.equals("map") ? size + 1L : size;
    Files.writeString(output.resolve(scenario + ".asl.json"), definition, StandardCharsets.UTF_8);
    Files.writeString(output.resolve(scenario + ".input.json"), input, StandardCharsets.UTF_8);

    LocalExecutor executor = LocalExecutor.ofJson(definition).check();
    // Warm up for 3 s of CPU time, then time samples of at least 200 ms each (as many executions as
    // fit), so that short executions are not lost in timer noise. Time is the process's CPU time
    // (all threads: JIT and GC included), which other processes on a busy machine disturb far less
    // than wall-clock time; asl-run-throughput.cjs measures node's the same way.
    sample(executor, input, 3_000_000_000L);
    // On a busy machine the JIT may still be compiling after that: keep warming up until three
    // samples in a row agree within 10 % (at most 30 more seconds).
    double[] last = new double[3];
    for (int i = 0; i < 150; i++) {
      last[i % 3] = sample(executor, input, 200_000_000L);
      double min = Math.min(last[0], Math.min(last[1], last[2]));
      double max = Math.max(last[0], Math.max(last[1], last[2]));
      if (i >= 2 && max <= 1.10 * min) {
        break;
      }
    }
    for (int run = 1; run <= runs; run++) {
      double millis = sample(executor, input, 200_000_000L);
      System.out.printf("run %d: %.3f ms, %.0f transitions/s%n", run, millis, transitions / (millis / 1e3));
    }
  }

  /** Runs the execution until {@code nanos} of CPU time have passed; returns the mean CPU time of one, in ms. */
  private static double sample(LocalExecutor executor, String input, long nanos) {
    long start = CPU.getProcessCpuTime();
    int count = 0;
    long elapsed;
    do {
      check(executor.run(input));
      count++;
      elapsed = CPU.getProcessCpuTime() - start;
    } while (elapsed < nanos);
    return elapsed / 1e6 / count;
  }

  private static void check(Execution execution) {
    if (!execution.succeeded()) {
      throw new IllegalStateException("the benchmark execution failed: " + execution);
    }
  }

  /** {@code size} Pass states, each leading to the next. */
  static String passChain(int size) {
    StringBuilder json = new StringBuilder("{\"StartAt\": \"S0\", \"States\": {");
    for (int i = 0; i < size; i++) {
      json.append(i == 0 ? "" : ", ").append("\"S").append(i).append("\": {\"Type\": \"Pass\", ")
          .append(i == size - 1 ? "\"End\": true}" : "\"Next\": \"S" + (i + 1) + "\"}");
    }
    return json.append("}}").toString();
  }

  /** A Map over its input array with one Pass state per item. */
  static String map() {
    return "{\"StartAt\": \"Each\", \"States\": {\"Each\": {\"Type\": \"Map\", \"ItemProcessor\": {\"StartAt\": \"Item\","
        + " \"States\": {\"Item\": {\"Type\": \"Pass\", \"End\": true}}}, \"End\": true}}}";
  }

  static String items(int size) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < size; i++) {
      json.append(i == 0 ? "" : ",").append("{\"id\":").append(i).append('}');
    }
    return json.append(']').toString();
  }
}
