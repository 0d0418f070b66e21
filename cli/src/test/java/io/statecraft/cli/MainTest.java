package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

final class MainTest {

  @Test
  void helpPrintsTheCommandsAndSucceeds() {
    CommandLine run = CommandLine.run("--help");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: statecraft <command> [options] [arguments]\n")
        .contains("\n  lint      Check Step Functions definitions")
        .endsWith("Exit status: 0 success, 1 problems found, 2 bad usage, 3 Statecraft itself failed.\n");
    assertThat(CommandLine.run("help").out()).isEqualTo(run.out());
    assertThat(run.err()).isEmpty();
  }

  @Test
  void helpOfACommandPrintsItsOwnUsage() {
    CommandLine run = CommandLine.run("help", "lint");
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: statecraft lint [--format text|json|sarif] [--warnings-as-errors] FILE_OR_DIR...\n");
    assertThat(CommandLine.run("lint", "--help").out()).isEqualTo(run.out());
  }

  @Test
  void noCommandIsBadUsage() {
    CommandLine run = CommandLine.run();
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft: no command given");
    assertThat(run.err()).contains("Usage: statecraft <command>");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void anUnknownCommandIsBadUsage() {
    CommandLine run = CommandLine.run("frobnicate", "x");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.firstErrLine()).isEqualTo("statecraft: unknown command 'frobnicate'");
    assertThat(run.err()).contains("Usage: statecraft <command>");
  }

  @Test
  void anUnexpectedFailureIsOneLineWithoutAStackTraceAndItsOwnStatus() {
    CommandLine run = CommandLine.runWith(List.of(failing(new IllegalStateException("boom\nsecond line"))), "broken");
    assertThat(run.status()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("statecraft: unexpected failure (IllegalStateException: boom); please report it "
        + "with the command you ran\n");
  }

  @Test
  void aStackOverflowIsTheLastResortOfEveryDepthBound() {
    CommandLine run = CommandLine.runWith(List.of(failing(new StackOverflowError())), "broken");
    assertThat(run.status()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("statecraft: the input nests too deeply to be processed (stack overflow); "
        + "simplify it, or run java with a larger stack (-Xss8m)\n");
  }

  @Test
  void anyOtherErrorIsACrashToo() {
    CommandLine run = CommandLine.runWith(List.of(failing(new AssertionError("bad"))), "broken");
    assertThat(run.status()).isEqualTo(3);
    assertThat(run.err()).isEqualTo("statecraft: unexpected failure (AssertionError: bad); please report it "
        + "with the command you ran\n");
  }

  private static Command failing(Throwable failure) {
    return new Command() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public String summary() {
        return "fails";
      }

      @Override
      public String help() {
        return "";
      }

      @Override
      public int run(List<String> args, PrintStream out, PrintStream err) {
        if (failure instanceof RuntimeException runtime) {
          throw runtime;
        }
        throw (Error) failure;
      }
    };
  }
}
