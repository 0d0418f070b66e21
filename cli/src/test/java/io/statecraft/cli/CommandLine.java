package io.statecraft.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs {@link Main} in-process and keeps what it printed. */
record CommandLine(int status, String out, String err) {

  static CommandLine run(String... args) {
    return runWith(Main.COMMANDS, args);
  }

  static CommandLine runWith(java.util.List<Command> commands, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = Main.run(args, outStream, errStream, commands);
    }
    return new CommandLine(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  String firstErrLine() {
    return err.lines().findFirst().orElse("");
  }
}
