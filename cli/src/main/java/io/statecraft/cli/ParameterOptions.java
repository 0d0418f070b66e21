package io.statecraft.cli;

import io.statecraft.connect.ParameterValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameter values of the commands that fill a template's parameters (validate --remote and
 * deploy): {@code --parameters FILE} in either form of {@code aws cloudformation deploy}, then
 * {@code --parameter NAME=VALUE} one by one, over the file's.
 */
final class ParameterOptions {

  private Path file;
  private final Map<String, String> overrides = new LinkedHashMap<>();

  /**
   * Consumes {@code --parameters} or {@code --parameter} at {@code args[i]}.
   *
   * @return the index of the option's value
   */
  int accept(List<String> args, int i) throws UsageException {
    String arg = args.get(i);
    String value = Options.value(args, i + 1, arg);
    if (arg.equals("--parameters")) {
      file = Path.of(value);
    } else {
      try {
        Map.Entry<String, String> entry = ParameterValues.parseOverride(value);
        overrides.put(entry.getKey(), entry.getValue());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--parameter needs NAME=VALUE: " + e.getMessage());
      }
    }
    return i + 1;
  }

  /** The parameters file, or null when none was given. */
  Path file() {
    return file;
  }

  /** The file's values, then the options' one by one. */
  Map<String, String> values() throws UsageException {
    Map<String, String> values = new LinkedHashMap<>();
    if (file != null) {
      if (!Files.isRegularFile(file)) {
        throw new UsageException("no such parameters file: " + file);
      }
      try {
        values.putAll(ParameterValues.read(file));
      } catch (IllegalArgumentException e) {
        throw new UsageException(e.getMessage());
      } catch (IOException e) {
        throw new UsageException("cannot read " + file + ": " + e.getMessage());
      }
    }
    values.putAll(overrides);
    return values;
  }
}
