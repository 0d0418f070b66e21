package io.statecraft.cli;

import java.util.List;

/** What every command's option parsing shares. */
final class Options {

  private Options() {}

  /**
   * The value that follows an option.
   *
   * @param args the command's arguments
   * @param index where the value should be (the option's index plus one)
   * @param option the option, for the message
   * @throws UsageException when the arguments end at the option
   */
  static String value(List<String> args, int index, String option) throws UsageException {
    if (index >= args.size()) {
      throw new UsageException(option + " needs a value");
    }
    return args.get(index);
  }
}
