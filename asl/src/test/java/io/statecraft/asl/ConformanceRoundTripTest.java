package io.statecraft.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.statecraft.dsl.asl.AslDefinition;
import io.statecraft.asl.json.CanonicalJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every valid definition of AWS statelint's test corpus reads into the model and writes back to
 * the same JSON; writing the model read from that output gives the same model again.
 */
class ConformanceRoundTripTest {

  static Stream<Path> validDefinitions() throws IOException {
    Path folder = Path.of(System.getProperty("statecraft.sharedDir", "../../shared"),
        "conformance", "statelint-awslabs", "valid");
    Assumptions.assumeTrue(Files.isDirectory(folder),
        "skipped: the conformance corpus is not at " + folder.toAbsolutePath().normalize());
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
      return list.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validDefinitions")
  void readThenWriteGivesTheSameJson(Path file) throws IOException {
    JsonNode original = CanonicalJson.mapper().readTree(file.toFile());

    AslDefinition model = AslReader.read(original);
    JsonNode written = AslWriter.toJson(model);

    assertThat(written).isEqualTo(original);
    assertThat(AslReader.read(written)).isEqualTo(model);
  }
}
