package io.statecraft.maven;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Every setting of the {@code generate} goal that changes what it writes or attaches: the
 * configuration part of its up-to-date fingerprint ({@link BuildState}). A test checks that each
 * parameter of {@link GenerateMojo} is here or is listed there as not changing the output, so a
 * new parameter cannot be forgotten and give a false "up to date".
 *
 * @param formats the output files, by their user-facing names
 * @param workflows the classes named in the configuration; empty to discover them
 * @param failOnWarning whether warnings stop the writing
 * @param attach whether the files are attached as artifacts
 * @param addResources whether the files go into the jar
 * @param resourceTargetPath where in the jar
 * @param outputDirectory the folder written, absolute
 * @param sarif whether the problems are also written as {@code problems.sarif}
 */
record GenerateInputs(
    List<String> formats,
    List<String> workflows,
    boolean failOnWarning,
    boolean attach,
    boolean addResources,
    String resourceTargetPath,
    String outputDirectory,
    boolean sarif) {

  GenerateInputs {
    formats = List.copyOf(formats);
    workflows = List.copyOf(workflows);
  }

  /**
   * One line for the build state file, every component by name, as a record's {@code toString()}
   * prints it. Written out here because the first {@code toString()} of a record in a JVM spins
   * method handles for its components: about 0.1 s of every up-to-date build (bench/RESULTS.md).
   */
  String line() {
    StringBuilder line = new StringBuilder(GenerateInputs.class.getSimpleName()).append('[');
    RecordComponent[] components = GenerateInputs.class.getRecordComponents();
    for (int i = 0; i < components.length; i++) {
      try {
        line.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=')
            .append(components[i].getAccessor().invoke(this));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read " + components[i].getName(), e);
      }
    }
    return line.append(']').toString();
  }
}
