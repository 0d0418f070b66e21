import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Fails when a public or protected type or member of a module has no Javadoc comment at all.
 *
 * <p>The Javadoc tool's doclint runs with {@code all,-missing} on the modules users write against
 * (the syntax, HTML and references of every comment are checked, and a warning fails the build),
 * but its {@code missing} group cannot be split: it also wants an {@code @param} for every
 * parameter and an {@code @return} for every method, which a builder's one-sentence comment does
 * not need. This check is the part of {@code missing} we keep: javac's own doclint, so that what
 * counts as an undocumented member is exactly what the Javadoc tool says ("no comment", "use of
 * default constructor").
 *
 * <p>Run with the Java launcher (no dependency, no plugin for an offline build to resolve) by the
 * {@code PublicApiJavadocTest} of the aws module, once for each of dsl, aws and testing, or by hand:
 * {@code java scripts/MissingJavadoc.java <source folder> <class path> <module name>}. Prints one
 * line per declaration without Javadoc ({@code io/statecraft/dsl/Pass.java:16: public static Pass
 * named(String name) {}) on standard output and exits 1 when there is any; exits 2 when the sources
 * do not compile.
 */
public final class MissingJavadoc {

  private MissingJavadoc() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("Usage: java MissingJavadoc.java <source folder> <class path> <module name>");
      System.exit(2);
    }
    Path sources = Path.of(args[0]);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(sources)) {
      files = walk.filter(file -> file.toString().endsWith(".java")).sorted().toList();
    }
    Path classes = Files.createTempDirectory("missing-javadoc");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ENGLISH, null)) {
      List<String> options = List.of("-Xdoclint:missing/protected", "-Xmaxwarns", "100000", "-proc:none",
          "-implicit:none", "-encoding", "UTF-8", "-d", classes.toString(), "-classpath", args[1],
          "-sourcepath", sources.toString());
      boolean compiled = javac.getTask(new StringWriter(), fileManager, diagnostics, options, null,
          fileManager.getJavaFileObjectsFromPaths(files)).call();
      if (!compiled) {
        diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .forEach(d -> System.err.println(d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(Locale.ENGLISH)));
        System.exit(2);
      }
    } finally {
      try (Stream<Path> walk = Files.walk(classes)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
      }
    }
    List<String> missing = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      String message = diagnostic.getMessage(Locale.ENGLISH);
      if (message.equals("no comment") || message.startsWith("use of default constructor")) {
        Path file = Path.of(diagnostic.getSource().toUri());
        String line = Files.readAllLines(file).get((int) diagnostic.getLineNumber() - 1).strip();
        missing.add(sources.toAbsolutePath().relativize(file) + ":" + diagnostic.getLineNumber() + ": " + line);
      }
    }
    if (!missing.isEmpty()) {
      missing.forEach(System.out::println);
      System.err.println(missing.size() + " public or protected declarations of " + args[2]
          + " have no Javadoc (listed above): write what each means in ASL or CloudFormation terms and when to use it.");
      System.exit(1);
    }
  }
}
