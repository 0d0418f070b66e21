package io.statecraft.dsl;

import java.util.List;

/**
 * The options of a {@code Catch} entry; its target is given to
 * {@link HasErrorHandling#catchErrors(Catch, State)}.
 *
 * @param resultPath JSONPath: where the error output ({@code Error}, {@code Cause}) goes
 * @param output JSONata: the output passed to the target
 * @param assign variables set when the catcher fires
 */
public record Catch(List<String> errorEquals, Value resultPath, Value output, ObjectValue assign, String comment) {

  public Catch {
    errorEquals = List.copyOf(errorEquals);
  }

  /** Catches the named errors; {@link Errors#ALL} catches everything. */
  public static Catch on(String... errorEquals) {
    return new Catch(List.of(errorEquals), null, null, null, null);
  }

  /** {@code ResultPath}: keeps the input and adds the error output at {@code path}. */
  public Catch resultPath(Path path) {
    return new Catch(errorEquals, path, output, assign, comment);
  }

  /** {@code ResultPath: null}: the error output is dropped and the input passes on. */
  public Catch resultPath(NullValue none) {
    return new Catch(errorEquals, none, output, assign, comment);
  }

  /** {@code Output} (JSONata). */
  public Catch output(Value output) {
    return new Catch(errorEquals, resultPath, output, assign, comment);
  }

  /** {@code Assign}. */
  public Catch assign(ObjectValue assign) {
    return new Catch(errorEquals, resultPath, output, assign, comment);
  }

  /** {@code Comment}. */
  public Catch comment(String comment) {
    return new Catch(errorEquals, resultPath, output, assign, comment);
  }
}
