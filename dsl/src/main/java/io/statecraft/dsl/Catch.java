package io.statecraft.dsl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The options of a {@code Catch} entry; its target is given to
 * {@link HasErrorHandling#catchErrors(Catch, State)}.
 *
 * @param resultPath JSONPath: where the error output ({@code Error}, {@code Cause}) goes
 * @param output JSONata: the output passed to the target
 * @param assign variables set when the catcher fires
 * @param extensions fields this model does not know yet, as raw JSON, in order
 */
public record Catch(List<String> errorEquals, Value resultPath, Value output, ObjectValue assign, String comment,
    Map<String, Value> extensions) {

  /**
   * Keeps unmodifiable copies of the error names and the unknown fields. Use {@link #on(String...)}
   * and the methods named after the fields rather than this constructor.
   */
  public Catch {
    errorEquals = List.copyOf(errorEquals);
    extensions = Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** Catches the named errors; {@link Errors#ALL} catches everything. */
  public static Catch on(String... errorEquals) {
    return new Catch(List.of(errorEquals), null, null, null, null, Map.of());
  }

  /** {@code ResultPath}: keeps the input and adds the error output at {@code path}. */
  public Catch resultPath(Path path) {
    return new Catch(errorEquals, path, output, assign, comment, extensions);
  }

  /** {@code ResultPath: null}: the error output is dropped and the input passes on. */
  public Catch resultPath(NullValue none) {
    return new Catch(errorEquals, none, output, assign, comment, extensions);
  }

  /** {@code Output} (JSONata). */
  public Catch output(Value output) {
    return new Catch(errorEquals, resultPath, output, assign, comment, extensions);
  }

  /** {@code Assign}. */
  public Catch assign(ObjectValue assign) {
    return new Catch(errorEquals, resultPath, output, assign, comment, extensions);
  }

  /** {@code Comment}. */
  public Catch comment(String comment) {
    return new Catch(errorEquals, resultPath, output, assign, comment, extensions);
  }

  /**
   * A field this model does not know yet, as raw JSON: written after the known fields and kept on
   * every round trip (the importer uses it so that nothing of a Catch entry is lost).
   */
  public Catch raw(String field, Value value) {
    Map<String, Value> more = new LinkedHashMap<>(extensions);
    more.put(Objects.requireNonNull(field, "field == null"), Objects.requireNonNull(value, "value == null"));
    return new Catch(errorEquals, resultPath, output, assign, comment, more);
  }
}
