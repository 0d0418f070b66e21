package io.statecraft.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped list ({@code services.index}) and service resources ({@code services/<prefix>.json.gz})
 * are exactly what the generated {@code service-authorization.json.gz} in the test resources gives:
 * each service's object as the file spells it, gzipped, and no other. Run with {@code
 * -Dgolden.update=true} after the data changes to write them all again (and delete the resources of
 * services the data no longer has).
 */
class IamCatalogIndexTest {

  /** The whole generated file, the source of truth, beside this class in the test resources. */
  private static final String SOURCE = "service-authorization.json.gz";

  private static final Path SHIPPED = Path.of("src/main/resources/io/statecraft/iam");
  private static final Path LIST = SHIPPED.resolve(IamCatalog.LIST);
  private static final Path SERVICES = SHIPPED.resolve("services");
  private static final String UPDATE =
      "run mvn -o -pl iam test -Dtest=IamCatalogIndexTest -Dgolden.update=true";

  private static byte[] json;
  private static Map<String, byte[]> services;
  private static String list;

  @BeforeAll
  static void readTheSource() throws IOException {
    try (InputStream in = new GZIPInputStream(IamCatalogIndexTest.class.getResourceAsStream(SOURCE))) {
      json = in.readAllBytes();
    }
    services = IamCatalog.serviceJson(json);
    String version = IamCatalog.read(new ByteArrayInputStream(json)).sourceVersion();
    list = IamCatalog.listText(version, services.keySet());
    if (Boolean.getBoolean("golden.update")) {
      write();
    }
  }

  private static void write() throws IOException {
    Files.createDirectories(SERVICES);
    Files.writeString(LIST, list, StandardCharsets.UTF_8);
    for (Map.Entry<String, byte[]> service : services.entrySet()) {
      Files.write(SHIPPED.resolve(IamCatalog.serviceResource(service.getKey())), gzip(service.getValue()));
    }
    for (Path file : shippedServiceFiles()) {
      if (!services.containsKey(prefixOf(file))) {
        Files.delete(file);
      }
    }
  }

  @Test
  void theShippedListIsTheOneTheSourceGives() throws IOException {
    assertThat(Files.readString(LIST, StandardCharsets.UTF_8))
        .as("%s is stale: %s", LIST, UPDATE)
        .isEqualTo(list);
  }

  @Test
  void everyServiceOfTheSourceIsShippedExactlyAndNoOther() throws IOException {
    Set<String> shipped = new TreeSet<>();
    for (Path file : shippedServiceFiles()) {
      shipped.add(prefixOf(file));
    }
    assertThat(shipped).as("service resources in %s: %s", SERVICES, UPDATE)
        .containsExactlyInAnyOrderElementsOf(services.keySet());
    for (Map.Entry<String, byte[]> service : services.entrySet()) {
      Path file = SHIPPED.resolve(IamCatalog.serviceResource(service.getKey()));
      assertThat(gunzip(Files.readAllBytes(file))).as("%s is stale: %s", file, UPDATE)
          .isEqualTo(service.getValue());
    }
  }

  @Test
  void eachServiceResourceIsTheSourcesSliceOfThatService() {
    byte[] states = services.get("states");
    String text = new String(json, StandardCharsets.UTF_8);
    int key = text.indexOf("\"states\":");
    assertThat(new String(states, StandardCharsets.UTF_8))
        .startsWith("{")
        .endsWith("}")
        .isEqualTo(text.substring(text.indexOf('{', key), text.indexOf('{', key) + states.length));
  }

  @Test
  void gzippingTheSameServiceTwiceGivesTheSameBytes() throws IOException {
    // GZIPOutputStream writes no time stamp (MTIME 0), so regenerating changes only what changed.
    byte[] states = services.get("states");
    assertThat(gzip(states)).isEqualTo(gzip(states));
  }

  @Test
  void theListStartsWithItsHeaderAndListsEveryServiceInTheSourcesOrder() {
    List<String> lines = new ArrayList<>(List.of(list.split("\n")));
    lines.removeIf(line -> line.startsWith("#"));

    assertThat(lines.get(0)).isEqualTo("format 1");
    assertThat(lines.get(1)).isEqualTo("source 0.21.202609261");
    assertThat(lines.subList(2, lines.size())).containsExactlyElementsOf(services.keySet());
    assertThat(lines.size() - 2).isEqualTo(IamCatalog.standard().servicePrefixes().size());
  }

  @Test
  void theStandardCatalogReadFromTheShippedResourcesFindsWhatParsingTheSourceFinds() throws IOException {
    IamCatalog parsed = IamCatalog.read(new ByteArrayInputStream(json));
    IamCatalog shipped = IamCatalog.loadStandard();

    assertThat(shipped.servicePrefixes()).isEqualTo(parsed.servicePrefixes());
    for (String prefix : parsed.servicePrefixes()) {
      assertThat(shipped.actions(prefix)).as(prefix).isEqualTo(parsed.actions(prefix));
      assertThat(shipped.resourceTypes(prefix)).as(prefix).isEqualTo(parsed.resourceTypes(prefix));
    }
    assertThat(shipped.sourceVersion()).isEqualTo(parsed.sourceVersion());
  }

  @Test
  void theRunTimeClasspathHasNoWholeFile() {
    // The 3.3 MB file is the test's source only; the jar ships the list and the services.
    assertThat(IamCatalog.class.getResource(IamCatalog.LIST)).isNotNull();
    assertThat(Files.exists(SHIPPED.resolve(SOURCE))).isFalse();
    assertThat(Files.exists(SHIPPED.resolve("service-authorization.index"))).isFalse();
  }

  @Test
  void aMissingServiceResourceSaysTheJarIsIncomplete() {
    IamCatalog catalog = IamCatalog.fromList(IamCatalog.listText("x", List.of("no-such-service")));

    assertThat(catalog.servicePrefixes()).containsExactly("no-such-service");
    assertThatThrownBy(() -> catalog.action("no-such-service", "Anything"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("IAM catalog resource services/no-such-service.json.gz is missing beside "
            + "io.statecraft.iam.IamCatalog: the statecraft-iam jar is incomplete");
  }

  @Test
  void aListOfAnotherFormatIsRefused() {
    assertThatThrownBy(() -> IamCatalog.fromList("format 2\nsource x\nstates\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("format 2, but this Statecraft reads format 1");
  }

  private static List<Path> shippedServiceFiles() throws IOException {
    if (!Files.isDirectory(SERVICES)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(SERVICES)) {
      return files.toList();
    }
  }

  private static String prefixOf(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json.gz") ? name.substring(0, name.length() - ".json.gz".length()) : name;
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    }
  }
}
