package io.statecraft.asl.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.ServiceCode;
import io.statecraft.asl.json.CanonicalJson;
import io.statecraft.asl.lint.DefinitionLinter.Finding;
import io.statecraft.dsl.SourceLocation;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A report of problems as SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html),
 * the format GitHub code scanning and IDEs read: one rule per code, with the help text of the
 * code's row in the documentation ({@link RuleHelp}), and one result per problem, located in the
 * definition file (its JSON Pointer mapped to line and column) and, for a state built in Java, in
 * the Java source first, where the fix goes. Written canonically, so the same report is the same
 * bytes.
 */
public final class SarifReport {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Where the report's files come from.
   *
   * @param documentText the text of a definition file as the report names it, to find lines in;
   *     empty when it cannot be read (the results then point at the file without a line)
   * @param javaUri the URI of a Java source file, relative to where the report is read
   */
  public record Sources(Function<String, Optional<String>> documentText, Function<SourceLocation, String> javaUri) {

    /** Definition files read from disk as named; Java files as the DSL records them. */
    public static Sources fromFiles() {
      return new Sources(SarifReport::readFile, SourceLocation::file);
    }

    /** With {@code text} as the definition named {@code file} (one that is not, or not yet, on disk). */
    public Sources withDocument(String file, String text) {
      Function<String, Optional<String>> previous = documentText;
      return new Sources(name -> name.equals(file) ? Optional.of(text) : previous.apply(name), javaUri);
    }

    public Sources withJavaUri(Function<SourceLocation, String> newJavaUri) {
      return new Sources(documentText, newJavaUri);
    }
  }

  private SarifReport() {}

  /** The SARIF log of {@code findings}, as canonical JSON text. */
  public static String of(List<Finding> findings, Sources sources) {
    TreeSet<ProblemCode> codes = new TreeSet<>();
    findings.forEach(finding -> codes.add(finding.problem().problemCode()));
    List<ProblemCode> ruleOrder = List.copyOf(codes);

    ObjectNode log = JSON.objectNode();
    log.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "Statecraft");
    ArrayNode rules = driver.putArray("rules");
    ruleOrder.forEach(code -> rules.add(rule(code)));
    ArrayNode results = run.putArray("results");
    Map<String, PointerLocations> located = new HashMap<>();
    for (Finding finding : findings) {
      PointerLocations locations = located.computeIfAbsent(finding.file(), file -> sources.documentText().apply(file)
          .map(text -> PointerLocations.of(text, file)).orElse(null));
      results.add(result(finding, ruleOrder.indexOf(finding.problem().problemCode()), locations, sources));
    }
    return CanonicalJson.write(log);
  }

  private static ObjectNode rule(ProblemCode code) {
    ObjectNode rule = JSON.objectNode();
    rule.put("id", code.name());
    Optional<RuleHelp.Entry> help = RuleHelp.of(code);
    String plain = help.map(RuleHelp.Entry::plainText).orElse(code.name());
    rule.putObject("shortDescription").put("text", firstSentence(plain));
    rule.putObject("fullDescription").put("text", plain);
    ObjectNode helpNode = rule.putObject("help").put("text", plain);
    help.ifPresent(entry -> helpNode.put("markdown", entry.markdown()));
    ServiceCode.of(code).ifPresent(aws -> rule.putObject("properties").put("awsCode", aws));
    return rule;
  }

  private static ObjectNode result(Finding finding, int ruleIndex, PointerLocations locations, Sources sources) {
    Problem problem = finding.problem();
    ObjectNode result = JSON.objectNode();
    result.put("ruleId", problem.code());
    result.put("ruleIndex", ruleIndex);
    result.put("level", problem.isError() ? "error" : "warning");
    result.putObject("message").put("text", problem.message());
    ArrayNode where = result.putArray("locations");
    problem.sourceLocation().ifPresent(source -> {
      ObjectNode physical = where.addObject().putObject("physicalLocation");
      physical.putObject("artifactLocation").put("uri", uri(sources.javaUri().apply(source)));
      physical.putObject("region").put("startLine", Math.max(source.line(), 1));
    });
    ObjectNode definition = where.addObject();
    ObjectNode physical = definition.putObject("physicalLocation");
    physical.putObject("artifactLocation").put("uri", uri(finding.file()));
    if (locations != null) {
      PointerLocations.Location at = locations.find(problem.pointer());
      physical.putObject("region").put("startLine", at.line()).put("startColumn", at.column());
    }
    String pointer = problem.pointer().isEmpty() ? "/" : problem.pointer();
    definition.putArray("logicalLocations").addObject().put("fullyQualifiedName", pointer).put("kind", "element");
    ObjectNode properties = result.putObject("properties").put("pointer", pointer);
    problem.serviceCode().ifPresent(aws -> properties.put("awsCode", aws));
    return result;
  }

  private static String firstSentence(String text) {
    int end = text.indexOf(". ");
    return end < 0 ? text : text.substring(0, end + 1);
  }

  // A path as a URI: an absolute path as a file URI, a relative one as a reference with forward
  // slashes and the characters a URI cannot hold escaped.
  private static String uri(String path) {
    try {
      if (Path.of(path).isAbsolute()) {
        return Path.of(path).toUri().toASCIIString();
      }
    } catch (RuntimeException e) {
      // Not a path of this file system (a class name): written as a reference below.
    }
    String slashed = path.replace('\\', '/');
    try {
      return new URI(null, null, slashed, null).toASCIIString();
    } catch (URISyntaxException e) {
      return slashed;
    }
  }

  private static Optional<String> readFile(String file) {
    try {
      return Optional.of(new String(Files.readAllBytes(Path.of(file)), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
