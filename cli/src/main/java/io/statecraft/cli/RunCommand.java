package io.statecraft.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.testing.DefinitionException;
import io.statecraft.testing.Execution;
import io.statecraft.testing.HistoryEvent;
import io.statecraft.testing.LocalExecutor;
import io.statecraft.testing.MockFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code statecraft run DEFINITION [--input JSON|@FILE] [--mocks FILE] ...}: runs a definition
 * offline with the testing module's executor and prints its output.
 */
final class RunCommand implements Command {

  /** The execution ran and failed (or timed out); its error and cause are printed. */
  static final int EXECUTION_FAILED = 2;

  @Override
  public String name() {
    return "run";
  }

  @Override
  public String summary() {
    return "Run a definition offline with mocked tasks and print its output";
  }

  @Override
  public String help() {
    return "Usage: statecraft run DEFINITION [--input JSON|@FILE] [--mocks FILE] [--subst NAME=VALUE]...\n"
        + "                      [--echo-unmocked] [--seed N] [--history]\n"
        + "\n"
        + "Runs DEFINITION (ASL JSON or YAML) in-process as AWS Step Functions would, on a virtual clock,\n"
        + "every Task answered by a mock, and prints the execution output as JSON on stdout.\n"
        + "\n"
        + "Options:\n"
        + "  --input JSON|@FILE   the execution input (default {})\n"
        + "  --mocks FILE         Task mocks by state name or resource ARN (format: docs/testing.md)\n"
        + "  --subst NAME=VALUE   the value of a ${NAME} placeholder (repeatable)\n"
        + "  --echo-unmocked      a Task without a mock returns its input instead of failing the run\n"
        + "  --seed N             seed of jitter, UUIDs and random numbers (default 1)\n"
        + "  --history            print the execution's events on stderr, one JSON object per line\n"
        + "\n"
        + "Exit status: 0 the execution succeeded; 2 it failed (stdout: {\"Error\": ..., \"Cause\": ...}) or\n"
        + "the command line is wrong; 1 the definition, input or mocks are invalid.\n";
  }

  @Override
  public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException {
    String file = null;
    String input = "{}";
    String mocks = null;
    Map<String, String> substitutions = new LinkedHashMap<>();
    boolean echo = false;
    boolean history = false;
    Long seed = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--input": input = Options.value(args, ++i, arg); break;
        case "--mocks": mocks = Options.value(args, ++i, arg); break;
        case "--subst": {
          String pair = Options.value(args, ++i, arg);
          int eq = pair.indexOf('=');
          if (eq < 1) {
            throw new UsageException("--subst needs NAME=VALUE, got " + pair);
          }
          substitutions.put(pair.substring(0, eq), pair.substring(eq + 1));
          break;
        }
        case "--echo-unmocked": echo = true; break;
        case "--history": history = true; break;
        case "--seed": {
          String value = Options.value(args, ++i, arg);
          try {
            seed = Long.parseLong(value);
          } catch (NumberFormatException e) {
            throw new UsageException("--seed needs a whole number, got " + value);
          }
          break;
        }
        default:
          if (arg.startsWith("-")) {
            throw new UsageException("unknown option " + arg);
          }
          if (file != null) {
            throw new UsageException("run takes one definition, got " + file + " and " + arg);
          }
          file = arg;
      }
    }
    if (file == null) {
      throw new UsageException("no definition file given");
    }
    Path path = Path.of(file);
    if (!Files.isRegularFile(path)) {
      throw new UsageException("no such file: " + file);
    }
    // Checked before reading, as lint does: a huge file would be read whole (and parsed) first.
    long size = path.toFile().length();
    if (size > JsonDocuments.MAX_FILE_BYTES) {
      err.println(file + ": ERROR DEFINITION_TOO_LARGE /: the file is " + size + " bytes; Statecraft reads at most "
          + JsonDocuments.MAX_FILE_BYTES);
      return ExitStatus.PROBLEMS;
    }
    LocalExecutor executor;
    try {
      executor = LocalExecutor.ofFile(path).substitutions(substitutions);
    } catch (UncheckedIOException e) {
      err.println("statecraft run: " + e.getMessage() + (e.getCause() instanceof CharacterCodingException
          ? " (the file is not UTF-8 text; save it as UTF-8)" : ""));
      return ExitStatus.PROBLEMS;
    }
    if (echo) {
      executor.echoUnmockedTasks();
    }
    if (seed != null) {
      executor.seed(seed);
    }
    if (mocks != null) {
      Path mocksFile = Path.of(mocks);
      if (!Files.isRegularFile(mocksFile)) {
        throw new UsageException("no such file: " + mocks);
      }
      try {
        executor.mocks(MockFile.read(mocksFile));
      } catch (IllegalArgumentException e) {
        err.println("statecraft run: invalid mocks: " + e.getMessage());
        return ExitStatus.PROBLEMS;
      }
    }
    JsonNode inputJson = readInput(input, err);
    if (inputJson == null) {
      return ExitStatus.PROBLEMS;
    }
    Execution execution;
    try {
      execution = executor.run(inputJson);
    } catch (DefinitionException e) {
      String shownFile = file;
      e.problems().forEach(problem -> err.println(shownFile + ": " + problem));
      err.println("statecraft run: " + e.getMessage().lines().findFirst().orElse(""));
      return ExitStatus.PROBLEMS;
    }
    if (history) {
      for (HistoryEvent event : execution.history()) {
        ObjectNode line = JsonDocuments.mapper().createObjectNode()
            .put("id", event.id())
            .put("type", event.type())
            .put("timestamp", event.timestamp().toString());
        if (event.stateName() != null) {
          line.put("stateName", event.stateName());
        }
        line.set("details", event.details());
        err.println(compact(line));
      }
    }
    if (execution.succeeded()) {
      out.println(execution.outputJson());
      return ExitStatus.OK;
    }
    ObjectNode failure = JsonDocuments.mapper().createObjectNode().put("Error", execution.error());
    if (execution.cause() != null) {
      failure.put("Cause", execution.cause());
    }
    out.println(compact(failure));
    err.println("statecraft run: the execution " + (execution.status().name().equals("TIMED_OUT") ? "timed out" : "failed")
        + " with " + execution.error() + (execution.cause() == null ? "" : ": " + execution.cause()));
    execution.dataFlowWarningsAtFailure().forEach(warning ->
        err.println("statecraft run: lint warned about this state: " + warning.describe()));
    return EXECUTION_FAILED;
  }

  private static JsonNode readInput(String input, PrintStream err) {
    String text = input;
    String shown = "--input";
    if (input.startsWith("@")) {
      Path file = Path.of(input.substring(1));
      shown = input.substring(1);
      try {
        text = Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        err.println("statecraft run: cannot read the input " + shown + ": " + e.getClass().getSimpleName()
            + (e.getMessage() == null ? "" : " " + e.getMessage()));
        return null;
      }
    }
    String where = shown;
    try {
      return JsonDocuments.parse(text, where.endsWith(".yaml") || where.endsWith(".yml") ? where : "input.json");
    } catch (DocumentException e) {
      e.problems().forEach(problem -> err.println(where + ": " + problem.message()));
      return null;
    }
  }

  private static String compact(JsonNode node) {
    try {
      return JsonDocuments.mapper().writeValueAsString(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
