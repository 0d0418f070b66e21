package io.statecraft.asl;

/** How bad a {@link Problem} is: an error stops the build, a warning does not unless asked to. */
public enum Severity {
  ERROR,
  WARNING
}
