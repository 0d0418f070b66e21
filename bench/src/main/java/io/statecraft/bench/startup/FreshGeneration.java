package io.statecraft.bench.startup;

import io.statecraft.generator.Generation;
import io.statecraft.generator.workflow.OutputFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The Maven plugin's fresh generation without Maven (issue 19): a cold JVM loads workflow classes
 * from a jar or folder and calls {@link Generation#run}, as {@code statecraft:generate} does after
 * {@code mvn clean}. Without arguments it only starts and stops, the empty JVM that
 * {@code bench/fresh-generation.sh} subtracts. Run with {@code statecraft.jar} and bench's classes
 * on the class path: {@code java -cp ... FreshGeneration WORKFLOWS_JAR OUTPUT_DIR CLASS...}.
 */
public final class FreshGeneration {

  private FreshGeneration() {}

  /**
   * Generates the named workflows into {@code OUTPUT_DIR}, or does nothing without arguments.
   *
   * @param args the jar or folder of the workflow classes, the output folder, the class names
   * @throws Exception whatever loading or generating throws: a benchmark, not a command
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      return;
    }
    if (args.length < 3) {
      System.err.println("usage: FreshGeneration WORKFLOWS_JAR OUTPUT_DIR CLASS...");
      System.exit(2);
    }
    URL[] classes = {Path.of(args[0]).toUri().toURL()};
    try (URLClassLoader loader = new URLClassLoader(classes, FreshGeneration.class.getClassLoader())) {
      Generation.Report report = Generation.run(loader, List.of(args).subList(2, args.length),
          new Generation.Options(Path.of(args[1]), EnumSet.allOf(OutputFile.class), false, args[0]));
      // The count only: a record's toString would bootstrap ObjectMethods, which the goal never does.
      System.out.println(report.outcomes().size() + " workflows");
    }
  }
}
