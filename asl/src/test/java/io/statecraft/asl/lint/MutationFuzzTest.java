package io.statecraft.asl.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.AslReader;
import io.statecraft.asl.AslWriter;
import io.statecraft.asl.Problem;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.json.DocumentException;
import io.statecraft.asl.json.JsonDocuments;
import io.statecraft.asl.validate.AslValidator;
import io.statecraft.dsl.asl.AslDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer over AWS statelint's corpus ({@code shared/conformance}): each round
 * takes a definition, mutates it (drops, retypes or renames a field, puts a tricky string or a
 * mangled character in), and checks that lint never throws, and that a definition lint finds no
 * error in reads, writes, and lints again without an error, writing the same JSON the second time.
 * The budget is fixed for CI ({@value #DEFAULT_ROUNDS} rounds); for a release, run longer with
 * {@code -Dstatecraft.fuzz.rounds=200000 -Dstatecraft.fuzz.seed=N}.
 */
final class MutationFuzzTest {

  private static final int DEFAULT_ROUNDS = 3_000;
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Strings that have found problems before: paths, calls, placeholders, JSONata, odd characters. */
  private static final List<String> TRICKY = List.of("$", "$.a[?(@.s==x)]", "$$.Task.Token", "$v.x", "$.a..b",
      "States.Format('{}', $.a)", "States.MathAdd(1, 'x')", "States.Array(", "${Name}", "${Open", "{% $x + %}",
      "{% $states.result %}", "\ud800", "a\u2028b", "", " ", "1e-2147483649", "States.ALL", "States.Custom",
      "arn:aws:lambda:us-east-1:123456789012:function:f:", "arn:aws:states:::s3:getObject", "x".repeat(90));

  @Test
  void lintNeverThrowsAndAgreesWithItselfAcrossReadAndWrite() throws IOException {
    List<JsonNode> corpus = corpus();
    Assumptions.assumeTrue(!corpus.isEmpty(), "skipped: the conformance corpus is not at ${statecraft.sharedDir}");
    long seed = Long.getLong("statecraft.fuzz.seed", 20261207L);
    int rounds = Integer.getInteger("statecraft.fuzz.rounds", DEFAULT_ROUNDS);
    Random random = new Random(seed);
    int sound = 0;
    for (int round = 0; round < rounds; round++) {
      JsonNode definition = corpus.get(random.nextInt(corpus.size())).deepCopy();
      for (int times = 1 + random.nextInt(3); times > 0; times--) {
        definition = mutate(definition, random);
      }
      String context = "round " + round + " (seed " + seed + "): " + CanonicalJson.write(definition);
      if (checkText(textMutation(CanonicalJson.write(definition), random), context)
          && checkTree(definition, context)) {
        sound++;
      }
    }
    // Both kinds must be exercised: mutants that stay sound and mutants that do not.
    assertThat(sound).as("sound mutants of %s", rounds).isBetween(1, rounds - 1);
  }

  // Lint of any tree: never a throw; when sound, read, write and lint again agree.
  private static boolean checkTree(JsonNode definition, String context) {
    List<Problem> problems;
    try {
      problems = AslValidator.validate(definition);
    } catch (RuntimeException | StackOverflowError e) {
      return fail("lint threw " + e + " at " + context, e);
    }
    if (problems.stream().anyMatch(Problem::isError)) {
      return false;
    }
    try {
      AslDefinition model = AslReader.read(definition);
      JsonNode written = AslWriter.toJson(model);
      List<Problem> again = AslValidator.validate(written);
      assertThat(again).as("lint of the written form of a sound %s", context).noneMatch(Problem::isError);
      assertThat(CanonicalJson.write(AslWriter.toJson(AslReader.read(written))))
          .as("writing twice, %s", context).isEqualTo(CanonicalJson.write(written));
    } catch (RuntimeException | StackOverflowError e) {
      return fail("read or write threw " + e + " on a definition lint accepts, " + context, e);
    }
    return true;
  }

  // The text form of anything: a problem of the document, never another exception.
  private static boolean checkText(String text, String context) {
    try {
      JsonDocuments.parse(text, "fuzz.json");
    } catch (DocumentException e) {
      return true;
    } catch (RuntimeException | StackOverflowError e) {
      return fail("reading threw " + e + " at " + context, e);
    }
    return true;
  }

  private static String textMutation(String text, Random random) {
    if (text.isEmpty()) {
      return text;
    }
    int at = random.nextInt(text.length());
    char[] replacements = {'{', '}', '[', ']', '"', ',', ':', '\\', '\u0000', 'e'};
    return text.substring(0, at) + replacements[random.nextInt(replacements.length)] + text.substring(at + 1);
  }

  private static JsonNode mutate(JsonNode definition, Random random) {
    List<JsonNode> containers = new ArrayList<>();
    collect(definition, containers);
    JsonNode target = containers.get(random.nextInt(containers.size()));
    if (target.isObject() && !target.isEmpty()) {
      ObjectNode object = (ObjectNode) target;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      String name = names.get(random.nextInt(names.size()));
      switch (random.nextInt(5)) {
        case 0 -> object.remove(name);
        case 1 -> object.set(name, randomValue(random));
        case 2 -> object.set(name + (random.nextBoolean() ? "x" : ".$"), object.get(name));
        case 3 -> object.set(name, JSON.textNode(TRICKY.get(random.nextInt(TRICKY.size()))));
        default -> object.set(TRICKY.get(random.nextInt(TRICKY.size())), object.remove(name));
      }
    } else if (target.isArray() && !target.isEmpty()) {
      ArrayNode array = (ArrayNode) target;
      int index = random.nextInt(array.size());
      if (random.nextBoolean()) {
        array.remove(index);
      } else {
        array.set(index, randomValue(random));
      }
    }
    return definition;
  }

  private static JsonNode randomValue(Random random) {
    switch (random.nextInt(7)) {
      case 0:
        return JSON.numberNode(random.nextInt(200) - 100);
      case 1:
        return JSON.numberNode(random.nextDouble() * 1e6);
      case 2:
        return JSON.booleanNode(random.nextBoolean());
      case 3:
        return JSON.nullNode();
      case 4:
        return JSON.arrayNode().add(TRICKY.get(random.nextInt(TRICKY.size())));
      case 5:
        return JSON.objectNode().put("Type", "Pass").put("End", true);
      default:
        return JSON.textNode(TRICKY.get(random.nextInt(TRICKY.size())));
    }
  }

  private static void collect(JsonNode node, List<JsonNode> containers) {
    if (!node.isContainerNode()) {
      return;
    }
    containers.add(node);
    for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
      collect(children.next(), containers);
    }
  }

  private static List<JsonNode> corpus() throws IOException {
    Path folder = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"), "conformance",
        "statelint-awslabs");
    List<JsonNode> definitions = new ArrayList<>();
    for (String kind : List.of("valid", "invalid")) {
      Path dir = folder.resolve(kind);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
          definitions.add(CanonicalJson.mapper().readTree(file.toFile()));
        }
      }
    }
    return definitions;
  }
}
