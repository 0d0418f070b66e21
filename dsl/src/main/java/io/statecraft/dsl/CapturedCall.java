package io.statecraft.dsl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The call stack at the moment a DSL object was created, from which the author's file and line
 * are worked out when, and only if, someone asks.
 *
 * <p>A {@link Throwable} records the stack natively in the JVM's compact form and makes stack
 * trace elements only when they are read. A build creates every state of every workflow but asks
 * for the lines of only a few (those with a problem or a permission to explain), and a cold JVM
 * finds a {@link StackWalker} walk per state, with its Java-side frame buffers and streams to
 * interpret and compile, several times dearer than this.
 */
final class CapturedCall {

  // Per class name, whether the class is part of the DSL; filled only when lines are asked for.
  private static final Map<String, Boolean> IS_DSL = new ConcurrentHashMap<>();
  private static final String DSL_CODE_SOURCE = codeSourceOf(CapturedCall.class);

  private final Throwable stack = new Throwable();
  private volatile SourceLocation location;

  /** The first caller outside the DSL: the author's line that created the object; null if none. */
  SourceLocation location() {
    SourceLocation found = location;
    if (found == null) {
      found = firstCallerOutsideDsl();
      location = found;
    }
    return found;
  }

  private SourceLocation firstCallerOutsideDsl() {
    for (StackTraceElement frame : stack.getStackTrace()) {
      String className = frame.getClassName();
      Boolean dsl = IS_DSL.get(className);
      if (dsl == null) {
        dsl = isDslClass(className);
        IS_DSL.put(className, dsl);
      }
      if (!dsl) {
        return of(frame);
      }
    }
    return null;
  }

  // A frame belongs to the DSL when its class was loaded from the same jar (or classes folder)
  // as this one; comparing packages would hide authors whose own code shares our package names.
  // A class the DSL's loader cannot see is the author's.
  private static boolean isDslClass(String className) {
    if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
      return true;
    }
    try {
      Class<?> type = Class.forName(className, false, CapturedCall.class.getClassLoader());
      return codeSourceOf(type).equals(DSL_CODE_SOURCE);
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  private static String codeSourceOf(Class<?> type) {
    var domain = type.getProtectionDomain();
    var source = domain == null ? null : domain.getCodeSource();
    return source == null || source.getLocation() == null ? "" : source.getLocation().toString();
  }

  private static SourceLocation of(StackTraceElement frame) {
    String className = frame.getClassName();
    int lastDot = className.lastIndexOf('.');
    String packagePath = lastDot < 0 ? "" : className.substring(0, lastDot).replace('.', '/') + "/";
    String fileName = frame.getFileName() != null
        ? frame.getFileName()
        : className.substring(lastDot + 1) + ".java";
    return new SourceLocation(packagePath + fileName, frame.getLineNumber());
  }
}
