package io.statecraft.maven;

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

  /** One line for the build state file; records print every component by name. */
  String line() {
    return toString();
  }
}
