package io.statecraft.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.iam.IamCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The permissions each command needs are actions AWS defines, and docs/aws.md lists exactly them. */
final class AwsPermissionsTest {

  @Test
  void everyActionIsOneAwsDefines() {
    IamCatalog catalog = IamCatalog.standard();

    assertThat(Stream.of(AwsPermissions.VALIDATE, AwsPermissions.DEPLOY, AwsPermissions.START,
            AwsPermissions.RECORD_MOCKS, AwsPermissions.ADOPT, AwsPermissions.TEMPLATE_BUCKET).flatMap(List::stream))
        .allSatisfy(action -> assertThat(catalog.action(action)).as(action).isPresent());
  }

  @Test
  void onlyTheValidationActionsNeedAStarResourceAsTheDocsSay() {
    // The bucket's actions are on the object: arn:aws:s3:::BUCKET/PREFIX/*, as docs/aws.md says.
    IamCatalog catalog = IamCatalog.standard();

    assertThat(AwsPermissions.VALIDATE)
        .allSatisfy(action -> assertThat(catalog.action(action).orElseThrow().supportsResourceLevelPermissions())
            .as(action).isFalse());
    assertThat(Stream.of(AwsPermissions.DEPLOY, AwsPermissions.TEMPLATE_BUCKET).flatMap(List::stream).toList())
        .allSatisfy(action -> assertThat(catalog.action(action).orElseThrow().supportsResourceLevelPermissions())
            .as(action).isTrue());
  }

  @Test
  void theDocsListEachCommandsActions() throws Exception {
    String doc = Files.readString(Path.of("../docs/aws.md"));

    assertThat(actionsInRow(doc, "validate")).containsExactlyElementsOf(AwsPermissions.VALIDATE);
    assertThat(actionsInRow(doc, "deploy")).containsExactlyElementsOf(AwsPermissions.DEPLOY);
    assertThat(actionsInRow(doc, "start")).containsExactlyElementsOf(AwsPermissions.START);
    assertThat(actionsInRow(doc, "record-mocks")).containsExactlyElementsOf(AwsPermissions.RECORD_MOCKS);
    assertThat(actionsInRow(doc, "adopt")).containsExactlyElementsOf(AwsPermissions.ADOPT);
    assertThat(actionsInRow(doc, "--s3-bucket")).containsExactlyElementsOf(AwsPermissions.TEMPLATE_BUCKET);
  }

  // The table row "| `validate --remote`, `validate-remote` | `states:...`, `cloudformation:...` |".
  private static List<String> actionsInRow(String doc, String command) {
    Matcher row = Pattern.compile("^\\| `" + command + "[^|]*\\| ([^|]*)\\|", Pattern.MULTILINE).matcher(doc);
    assertThat(row.find()).as("a row for %s in docs/aws.md", command).isTrue();
    List<String> actions = new ArrayList<>();
    Matcher action = Pattern.compile("`([a-z0-9]+:[A-Za-z]+)`").matcher(row.group(1));
    while (action.find()) {
      actions.add(action.group(1));
    }
    return actions;
  }
}
