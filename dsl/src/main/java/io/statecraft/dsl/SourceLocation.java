package io.statecraft.dsl;

import java.util.Objects;

/**
 * Where a piece of a workflow was built in the author's Java code, so that a problem found at
 * build time can point at the line to fix.
 *
 * @param file the source file, relative to its source root ({@code com/acme/PatchAlerts.java})
 * @param line the line number, 1-based
 */
public record SourceLocation(String file, int line) {

  public SourceLocation {
    Objects.requireNonNull(file, "file == null");
  }

  /**
   * The frame of the first caller outside the Statecraft DSL: the author's line that created the
   * object now being constructed. Kept as a frame, because turning it into a file and line costs
   * more than finding it, and most locations are never asked for; see {@link #of(StackWalker.StackFrame)}.
   */
  static StackWalker.StackFrame callerFrame() {
    return WALKER.walk(frames -> frames
        .filter(frame -> !isDslFrame(frame))
        .findFirst()
        .orElse(null));
  }

  private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  // A frame belongs to the DSL when its class was loaded from the same jar (or classes folder)
  // as this one; comparing packages would hide authors whose own code shares our package names.
  private static boolean isDslFrame(StackWalker.StackFrame frame) {
    return IS_DSL.get(frame.getDeclaringClass());
  }

  // Computed once per class: every state built walks the stack, so this is on a hot path.
  private static final ClassValue<Boolean> IS_DSL = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return type.getName().startsWith("java.") || type.getName().startsWith("jdk.")
          || codeSourceOf(type).equals(codeSourceOf(SourceLocation.class));
    }
  };

  private static String codeSourceOf(Class<?> type) {
    var domain = type.getProtectionDomain();
    var source = domain == null ? null : domain.getCodeSource();
    return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
  }

  /** The file and line of a frame {@link #callerFrame()} found. */
  static SourceLocation of(StackWalker.StackFrame frame) {
    String className = frame.getClassName();
    int lastDot = className.lastIndexOf('.');
    String packagePath = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
    String fileName = frame.getFileName() != null
        ? frame.getFileName()
        : className.substring(lastDot + 1) + ".java";
    return new SourceLocation(packagePath + fileName, frame.getLineNumber());
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
