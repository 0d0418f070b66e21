package io.statecraft.iam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped index ({@code service-authorization.index}) describes exactly the shipped JSON, so that
 * {@link IamCatalog#standard()} can use it instead of parsing 3 MB to find each service. Run with
 * {@code -Dgolden.update=true} after the data changes to write it again.
 */
class IamCatalogIndexTest {

  private static final Path SOURCE = Path.of("src/main/resources/io/statecraft/iam", IamCatalog.INDEX);

  private static byte[] json;
  private static String index;

  @BeforeAll
  static void readTheShippedData() throws IOException {
    json = IamCatalog.standardJson();
    index = IamCatalog.indexText(json);
  }

  @Test
  void theShippedIndexIsTheOneTheDataGives() throws IOException {
    String expected = index;
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(SOURCE, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(SOURCE, StandardCharsets.UTF_8))
        .as("%s is stale: run mvn -o -pl iam test -Dtest=IamCatalogIndexTest -Dgolden.update=true", SOURCE)
        .isEqualTo(expected);
  }

  @Test
  void theIndexStartsWithItsHeaderAndListsEveryServiceWithItsPlace() throws IOException {
    String[] lines = index.split("\n");

    assertThat(lines[3]).isEqualTo("format 1");
    assertThat(lines[4]).startsWith("bytes ");
    assertThat(lines[5]).matches("crc32 [0-9a-f]+");
    assertThat(lines[6]).isEqualTo("source 0.21.202609261");
    assertThat(lines.length - 7).isEqualTo(IamCatalog.standard().servicePrefixes().size());
    assertThat(lines).contains("states " + offsetOf("states") + " " + lengthOf(lines, "states"));
  }

  @Test
  void theStandardCatalogReadThroughTheIndexFindsWhatParsingFinds() throws IOException {
    IamCatalog parsed = IamCatalog.read(new ByteArrayInputStream(json));
    IamCatalog indexed = IamCatalog.standard();

    assertThat(indexed.servicePrefixes()).isEqualTo(parsed.servicePrefixes());
    for (String prefix : parsed.servicePrefixes()) {
      assertThat(indexed.actions(prefix)).as(prefix).isEqualTo(parsed.actions(prefix));
    }
    assertThat(indexed.sourceVersion()).isEqualTo(parsed.sourceVersion());
  }

  // Where "states": { starts in the JSON: the offset the index must give for it.
  private static int offsetOf(String prefix) {
    String text = new String(json, StandardCharsets.ISO_8859_1);
    int key = text.indexOf("\"" + prefix + "\":");
    return text.indexOf('{', key);
  }

  private static String lengthOf(String[] lines, String prefix) {
    for (String line : lines) {
      if (line.startsWith(prefix + " ")) {
        return line.substring(line.lastIndexOf(' ') + 1);
      }
    }
    return "absent";
  }
}
