package io.statecraft.generator.workflow;

import io.statecraft.dsl.workflow.Workflow;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds and creates the {@link Workflow}s of a module: the classes named in the configuration, or
 * else every class listed in {@code META-INF/services/io.statecraft.dsl.workflow.Workflow} on the
 * module's runtime classpath.
 *
 * <p>The service files are read here rather than through {@link java.util.ServiceLoader} so that a
 * class that cannot be loaded or created is reported by name, with the reason, in the same words
 * whether it was listed in the configuration or in a service file. The Maven plugin and
 * {@code statecraft generate} both load workflows through this class.
 */
public final class WorkflowLoader {

  /** The service file that lists a jar's workflows. */
  public static final String SERVICE_FILE = "META-INF/services/" + Workflow.class.getName();

  /** A workflow instance and the class it came from. */
  public record LoadedWorkflow(String className, Workflow workflow) {}

  /** A workflow class that cannot be used; the message names the class and the reason. */
  public static final class LoadException extends Exception {
    LoadException(String message) {
      super(message, null, false, false);
    }
  }

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private final URLClassLoader loader;
  private final String whereToFindClasses;
  // Which service file listed each discovered class, to name it when the entry is wrong.
  private final Map<String, URL> listedBy = new HashMap<>();

  /**
   * A loader over {@code loader}'s own URLs (its parent supplies Statecraft itself).
   *
   * @param whereToFindClasses what to tell the user when a named class is missing, completing
   *     "Workflow class X is not on ...", such as {@code the runtime classpath of this module;
   *     check the name, and that the module that contains it is a dependency}
   */
  public WorkflowLoader(URLClassLoader loader, String whereToFindClasses) {
    this.loader = loader;
    this.whereToFindClasses = whereToFindClasses;
  }

  /** The class names listed in the service files of the module's classpath, in classpath order. */
  public List<String> discover() throws IOException {
    Set<String> names = new LinkedHashSet<>();
    // findResources, not getResources: only the module's classpath, never the plugin's own.
    Enumeration<URL> files = loader.findResources(SERVICE_FILE);
    while (files.hasMoreElements()) {
      URL file = files.nextElement();
      for (String name : listedIn(file)) {
        names.add(name);
        listedBy.putIfAbsent(name, file);
      }
    }
    return List.copyOf(names);
  }

  /** The class names a service file lists, without comments and blank lines. */
  public static List<String> listedIn(URL serviceFile) throws IOException {
    List<String> names = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(serviceFile.openStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        int comment = line.indexOf('#');
        String name = (comment < 0 ? line : line.substring(0, comment)).strip();
        if (!name.isEmpty()) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** Loads and creates each named class. */
  public List<LoadedWorkflow> load(List<String> classNames) throws LoadException {
    List<LoadedWorkflow> loaded = new ArrayList<>();
    for (String className : classNames) {
      loaded.add(new LoadedWorkflow(className, create(className)));
    }
    return loaded;
  }

  /** Whether {@code className} can be found on the module's classpath at all. */
  public boolean isPresent(String className) {
    return loader.findResource(className.replace('.', '/') + ".class") != null;
  }

  private Workflow create(String className) throws LoadException {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      Optional<String> near = ClassNames.nearest(className, loader.getURLs(), listedBy.keySet());
      throw new LoadException("Workflow class " + className + listing(className) + " is not on " + whereToFindClasses
          + (near.isPresent() ? " (did you mean " + near.get() + "?)" : ""));
    } catch (LinkageError e) {
      throw new LoadException("Workflow class " + className + " cannot be loaded: " + describe(e));
    }
    if (!Workflow.class.isAssignableFrom(type)) {
      throw new LoadException("Class " + className + listing(className) + " does not implement " + Workflow.class.getName()
          + (implementsByName(type)
              ? " as the plugin sees it: the module has its own copy of statecraft-dsl on a different class"
                  + " loader; declare statecraft-dsl as an ordinary dependency"
              : "; list only Workflow implementations"));
    }
    try {
      return (Workflow) type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new LoadException("Workflow class " + className
          + " needs a public no-argument constructor (and must be a public, non-abstract class)");
    } catch (InstantiationException e) {
      throw new LoadException("Workflow class " + className + " cannot be created: it is abstract or an interface");
    } catch (InvocationTargetException e) {
      throw new LoadException("Creating workflow class " + className + " failed: " + describe(e.getCause()));
    } catch (LinkageError | RuntimeException e) {
      throw new LoadException("Workflow class " + className + " cannot be loaded: " + describe(e));
    }
  }

  // ", listed in /path/flows.jar!/META-INF/services/io.statecraft.dsl.workflow.Workflow," for a
  // class a service file named; empty for one named in the configuration.
  private String listing(String className) {
    URL file = listedBy.get(className);
    if (file == null) {
      return "";
    }
    // file:/x/classes/META-INF/... is /x/...; jar:file:/x/flows.jar!/META-INF/... is /x/flows.jar!/META-INF/...
    String path = file.getPath();
    return ", listed in " + (path.startsWith("file:") ? path.substring("file:".length()) : path) + ",";
  }

  private static boolean implementsByName(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().equals(Workflow.class.getName())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * {@code IllegalStateException: no region (at com/acme/PatchAlerts.java:12)}: the exception
   * and the author's line that threw it, without a stack trace.
   */
  public static String describe(Throwable error) {
    if (error instanceof ExceptionInInitializerError && error.getCause() != null) {
      // A static initializer threw: what it threw, and where, is the whole story.
      return "a static initializer failed: " + describe(error.getCause());
    }
    StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
    if (error.getMessage() != null) {
      text.append(": ").append(error.getMessage());
    }
    for (StackTraceElement frame : error.getStackTrace()) {
      if (isCallerFrame(frame.getClassName())) {
        break;
      }
      if (frame.getFileName() != null && frame.getLineNumber() > 0 && !isLibraryFrame(frame.getClassName())) {
        if (text.toString().endsWith("/" + frame.getFileName() + ":" + frame.getLineNumber() + ")")) {
          break; // the message names this line already, as the DSL's value factories do
        }
        text.append(" (at ").append(frame.getClassName()).append('.').append(frame.getMethodName())
            .append('(').append(frame.getFileName()).append(':').append(frame.getLineNumber()).append("))");
        break;
      }
    }
    return text.toString();
  }

  // The frames that call the author's code (its constructor, id() and spec()): past them, the
  // author is not on the stack, whoever called the generator.
  private static boolean isCallerFrame(String className) {
    return className.equals(WorkflowCompiler.class.getName()) || className.equals(WorkflowLoader.class.getName());
  }

  // Statecraft's own frames, whatever module (the DSL, the typed AWS calls, the generator), and
  // the JDK's: a mistake is reported at the author's line that called into them.
  private static boolean isLibraryFrame(String className) {
    return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
        || className.startsWith("io.statecraft.");
  }
}
