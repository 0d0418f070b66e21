package io.statecraft.asl.json;

import io.statecraft.asl.Problem;
import java.util.List;
import java.util.Objects;

/**
 * A definition file that cannot be read as a JSON tree: not JSON or YAML, empty, or with
 * duplicate keys. The message names the file, the line and column, and what is wrong; {@link
 * #problems()} gives the same as {@link Problem}s so that a linter reports them like any other.
 */
public final class DocumentException extends Exception {

  private final String file;
  private final transient List<Problem> problems;

  /**
   * @param file the file as the user named it, used in the message
   * @param problems what is wrong, at least one
   */
  public DocumentException(String file, List<Problem> problems) {
    super(message(file, problems), null, false, false);
    this.file = Objects.requireNonNull(file, "file == null");
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a document exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** The file as the user named it. */
  public String file() {
    return file;
  }

  /** Everything found wrong, in report order; each is an error. */
  public List<Problem> problems() {
    return problems;
  }

  private static String message(String file, List<Problem> problems) {
    if (problems.isEmpty()) {
      return file;
    }
    Problem first = problems.stream().sorted(Problem.ORDER).findFirst().orElseThrow();
    String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
    return file + ": " + first.message() + more;
  }
}
