package io.statecraft.generator.cfn;

import static io.statecraft.generator.cfn.TemplateGeneratorTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every statement on {@code "Resource": "*"} in a generated template says why, under the template's
 * {@code Statecraft::IamWildcards} metadata (owner, then Sid): checked on every golden template of
 * this module and of the reference workflows.
 */
class IamWildcardsTest {

  @Test
  void everyWildcardResourceInTheGoldenTemplatesHasItsReason() throws IOException {
    List<Path> templates = new ArrayList<>();
    for (Path root : List.of(Path.of("src/test/resources/golden/cfn"), Path.of("../workflows/src/test/resources/golden"))) {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files.filter(file -> file.getFileName().toString().equals("template.json")).forEach(templates::add);
        }
      }
    }
    assertThat(templates).hasSizeGreaterThanOrEqualTo(3);
    for (Path template : templates) {
      assertThat(unexplainedWildcards(json(Files.readString(template)))).as(template.toString()).isEmpty();
    }
  }

  @Test
  void aWildcardWithoutItsReasonIsFound() {
    JsonNode template = json("""
        {"Resources": {"Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [{"PolicyDocument": {"Statement": [
          {"Sid": "XRayTracing", "Effect": "Allow", "Action": ["xray:PutTraceSegments"], "Resource": ["*"]},
          {"Effect": "Allow", "Action": ["sqs:SendMessage"], "Resource": ["*"]}]}}]}},
         "Key": {"Type": "AWS::KMS::Key", "Properties": {"KeyPolicy": {"Statement": [
          {"Sid": "EnableIamPolicies", "Effect": "Allow", "Action": "kms:*", "Resource": "*"}]}}}},
         "Metadata": {"Statecraft::IamWildcards": {"Role": {"XRayTracing": "X-Ray takes no resource"}}}}""");

    assertThat(unexplainedWildcards(template)).containsExactly("Role: (no Sid)", "Key: EnableIamPolicies");
  }

  /** {@code owner: Sid} of each statement on {@code *} whose reason the metadata lacks. */
  static List<String> unexplainedWildcards(JsonNode template) {
    List<String> missing = new ArrayList<>();
    JsonNode reasons = template.path("Metadata").path("Statecraft::IamWildcards");
    template.path("Resources").fields().forEachRemaining(resource -> {
      String owner = resource.getKey();
      List<JsonNode> documents = new ArrayList<>();
      JsonNode properties = resource.getValue().path("Properties");
      properties.path("Policies").forEach(policy -> documents.add(policy.path("PolicyDocument")));
      documents.add(properties.path("PolicyDocument"));
      documents.add(properties.path("KeyPolicy"));
      for (JsonNode document : documents) {
        for (JsonNode statement : document.path("Statement")) {
          JsonNode resources = statement.path("Resource");
          boolean wildcard = resources.isArray()
              ? Stream.of(resources).flatMap(r -> Stream.iterate(0, i -> i < r.size(), i -> i + 1).map(r::get))
                  .anyMatch(r -> "*".equals(r.asText()))
              : "*".equals(resources.asText());
          String sid = statement.path("Sid").asText("");
          if (wildcard && reasons.path(owner).path(sid).asText("").isBlank()) {
            missing.add(owner + ": " + (sid.isEmpty() ? "(no Sid)" : sid));
          }
        }
      }
    });
    return missing;
  }
}
