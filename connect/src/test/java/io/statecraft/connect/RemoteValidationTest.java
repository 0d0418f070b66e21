package io.statecraft.connect;

import static io.statecraft.connect.LoopbackAws.json;
import static io.statecraft.connect.LoopbackAws.jsonError;
import static io.statecraft.connect.LoopbackAws.xml;
import static io.statecraft.connect.LoopbackAws.xmlError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.dsl.SourceLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RemoteValidation} against the loopback server: the requests sent and the report made. */
final class RemoteValidationTest {

  static final Path GENERATED = Path.of("src/test/resources/generated");

  private final LoopbackAws aws = LoopbackAws.start();

  @AfterEach
  void stop() {
    aws.close();
  }

  static List<GeneratedWorkflow> greeting() throws Exception {
    return GeneratedWorkflow.read(GENERATED);
  }

  /** The greeting workflow with a template over 51,200 bytes as compact JSON (a long Metadata value). */
  static GeneratedWorkflow largeGreeting() throws Exception {
    GeneratedWorkflow read = greeting().get(0);
    ObjectNode template = read.template().deepCopy();
    template.putObject("Metadata").put("Padding", "x".repeat(RemoteValidation.MAX_TEMPLATE_BODY_BYTES));
    return new GeneratedWorkflow(read.id(), read.shownAs(), read.definition(), template, read.stateSources());
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void sendsTheFilledDefinitionWithItsTypeAndTheTemplateAsCompactJson() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xml("ValidateTemplate", "<Parameters/>"));

    RemoteValidation.Report report = RemoteValidation.validate(greeting(), aws.settings(),
        new RemoteValidation.Options(Map.of()));

    assertThat(report.findings()).isEmpty();
    assertThat(report.summary()).isEqualTo("validated 1 definition and 1 template with AWS: 0 errors, 0 warnings");
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition", "ValidateTemplate");

    LoopbackAws.Request sfn = aws.requests().get(0);
    assertThat(sfn.headers()).containsEntry("x-amz-target", "AWSStepFunctions.ValidateStateMachineDefinition")
        .containsEntry("content-type", "application/x-amz-json-1.0");
    assertThat(sfn.headers().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/");
    JsonNode body = new ObjectMapper().readTree(sfn.body());
    assertThat(body.get("type").asText()).isEqualTo("EXPRESS");
    JsonNode parameters = new ObjectMapper().readTree(body.get("definition").asText())
        .path("States").path("Notify").path("Parameters");
    // A resource becomes a well-formed ARN of its type; a parameter its default, escaped as JSON.
    assertThat(parameters.get("TopicArn").asText()).isEqualTo("arn:aws:sns:eu-west-1:123456789012:Topic");
    assertThat(parameters.get("Message").asText()).isEqualTo("Hello from Platform \"ops\"");

    LoopbackAws.Request cfn = aws.requests().get(1);
    assertThat(cfn.form()).containsEntry("Action", "ValidateTemplate").containsEntry("Version", "2010-05-15");
    assertThat(cfn.form().get("TemplateBody")).startsWith("{\"AWSTemplateFormatVersion\":\"2010-09-09\",")
        .doesNotContain("\n");
  }

  @Test
  void aTemplateOverTheBodyLimitIsUploadedToTheBucketAndValidatedByUrl() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("ValidateTemplate", xml("ValidateTemplate", "<Parameters/>"));
    GeneratedWorkflow large = largeGreeting();
    List<String> log = new java.util.ArrayList<>();

    RemoteValidation.Report report = RemoteValidation.validate(List.of(large), aws.settings(),
        RemoteValidation.Options.defaults().withTemplateBucket(new TemplateBucket("acme-cfn-templates", "/statecraft/prod/")),
        log::add);

    assertThat(report.findings()).isEmpty();
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition", "PutObject", "ValidateTemplate");
    LoopbackAws.Request put = aws.requests().get(1);
    String body = put.body();
    String key = "statecraft/prod/greeting/" + sha256(body) + ".json";
    // The compact JSON of the template, under a key made of the workflow id and the body's SHA-256.
    assertThat(new ObjectMapper().readTree(body)).isEqualTo(large.template());
    assertThat(body).doesNotContain("\n").hasSizeGreaterThan(RemoteValidation.MAX_TEMPLATE_BODY_BYTES);
    assertThat(put.bucket()).isEqualTo("acme-cfn-templates");
    assertThat(put.key()).isEqualTo(key);
    assertThat(put.headers()).containsEntry("content-type", "application/json")
        .containsEntry("x-amz-checksum-sha256", java.util.Base64.getEncoder().encodeToString(
            MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
    assertThat(put.headers().get("authorization")).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
        .contains("/eu-west-1/s3/aws4_request");
    // CloudFormation gets the object's virtual-hosted-style URL, and no body.
    assertThat(aws.requests().get(2).form())
        .containsEntry("TemplateURL", "https://acme-cfn-templates.s3.eu-west-1.amazonaws.com/" + key)
        .doesNotContainKey("TemplateBody");
    assertThat(log).containsExactly("uploaded the template of greeting (" + body.length() + " bytes, over"
        + " CloudFormation's 51200 for a body) to s3://acme-cfn-templates/" + key);
  }

  @Test
  void aRerunUploadsTheSameTemplateUnderTheSameKey() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("PutObject", LoopbackAws.s3Ok())
        .on("ValidateTemplate", xml("ValidateTemplate", ""));
    RemoteValidation.Options options =
        RemoteValidation.Options.defaults().withTemplateBucket(new TemplateBucket("acme-cfn-templates", null));

    RemoteValidation.validate(List.of(largeGreeting()), aws.settings(), options);
    RemoteValidation.validate(List.of(largeGreeting()), aws.settings(), options);

    List<String> keys = aws.requests().stream().filter(request -> request.operation().equals("PutObject"))
        .map(LoopbackAws.Request::key).toList();
    assertThat(keys).hasSize(2).allMatch(key -> key.matches("greeting/[0-9a-f]{64}\\.json"));
    assertThat(keys.get(0)).isEqualTo(keys.get(1));
  }

  @Test
  void aTemplateOverTheBodyLimitWithoutABucketIsAWarningThatNamesTheOption() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"));
    GeneratedWorkflow large = largeGreeting();
    int bytes = new ObjectMapper().writeValueAsString(large.template()).length();

    RemoteValidation.Report report = RemoteValidation.validate(List.of(large), aws.settings(),
        RemoteValidation.Options.defaults());

    assertThat(report.findings()).extracting(RemoteValidation.Finding::describe).containsExactly(
        GENERATED.resolve("greeting") + "/template.json: WARNING TEMPLATE_NOT_VALIDATED /: the template is " + bytes
            + " bytes as compact JSON, over ValidateTemplate's 51200 for a body, so CloudFormation did not validate"
            + " it; give an S3 bucket to go through (--s3-bucket NAME, plugin: -Dstatecraft.s3Bucket=NAME)");
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition");
  }

  @Test
  void aDeniedUploadNamesTheS3Action() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("PutObject", LoopbackAws.s3Error(403, "AccessDenied", "User: arn:aws:sts::111122223333:assumed-role/ci/build"
            + " is not authorized to perform: s3:PutObject on resource: \"arn:aws:s3:::acme-cfn-templates/greeting/x.json\""
            + " because no identity-based policy allows the s3:PutObject action"));

    assertThatThrownBy(() -> RemoteValidation.validate(List.of(largeGreeting()), aws.settings(),
            RemoteValidation.Options.defaults().withTemplateBucket(new TemplateBucket("acme-cfn-templates", ""))))
        .isInstanceOf(AwsException.class)
        .hasMessage("access denied: arn:aws:sts::111122223333:assumed-role/ci/build may not call s3:PutObject;"
            + " grant it that action (docs/aws.md lists what each command needs)");
  }

  @Test
  void givenValuesWinOverDefaults() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    RemoteValidation.validate(greeting(), aws.settings(), new RemoteValidation.Options(Map.of("Team", "SRE")));

    JsonNode definition = new ObjectMapper().readTree(
        new ObjectMapper().readTree(aws.requests().get(0).body()).get("definition").asText());
    assertThat(definition.at("/States/Notify/Parameters/Message").asText()).isEqualTo("Hello from SRE");
  }

  @Test
  void eachDiagnosticBecomesAProblemWithAwsCodePointerAndJavaLine() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("""
        {"result":"FAIL","truncated":false,"diagnostics":[
          {"severity":"ERROR","code":"MISSING_TRANSITION_TARGET","message":"Missing 'Next' target: Don","location":"/States/Notify/Next"},
          {"severity":"WARNING","code":"NO_DOLLAR","message":"No .$ on a field that appears to be a JSONPath","location":"/States/Notify/Parameters/Message"},
          {"severity":"ERROR","code":"SOMETHING_NEW","message":"A check added later"}
        ]}"""))
        .on("ValidateTemplate", xmlError(400, "ValidationError",
            "Template format error: Unresolved resource dependencies [Topic2] in the Resources block of the template"));
    GeneratedWorkflow read = greeting().get(0);
    GeneratedWorkflow fromJava = new GeneratedWorkflow(read.id(), read.shownAs(), read.definition(), read.template(),
        name -> name.equals("Notify") ? new SourceLocation("Greeting.java", 31) : null);

    RemoteValidation.Report report = RemoteValidation.validate(List.of(fromJava), aws.settings(),
        RemoteValidation.Options.defaults());

    String folder = GENERATED.resolve("greeting").toString();
    assertThat(report.findings()).extracting(RemoteValidation.Finding::describe).containsExactly(
        folder + "/definition.asl.json: ERROR MISSING_TRANSITION_TARGET /States/Notify/Next:"
            + " Step Functions: Missing 'Next' target: Don (Greeting.java:31)",
        folder + "/definition.asl.json: WARNING NO_DOLLAR /States/Notify/Parameters/Message:"
            + " Step Functions: No .$ on a field that appears to be a JSONPath (Greeting.java:31)",
        folder + "/definition.asl.json: ERROR SERVICE_DIAGNOSTIC /: Step Functions: SOMETHING_NEW: A check added later",
        folder + "/template.json: ERROR TEMPLATE_VALIDATION_ERROR /: CloudFormation: Template format error:"
            + " Unresolved resource dependencies [Topic2] in the Resources block of the template");
    assertThat(report.failed(false)).isTrue();
    assertThat(report.summary()).isEqualTo("validated 1 definition and 1 template with AWS: 3 errors, 1 warning");
  }

  @Test
  void warningsFailOnlyWhenAskedAsForLint() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("""
        {"result":"OK","diagnostics":[{"severity":"WARNING","code":"NO_PATH","message":"looks like a path","location":"/States/Notify"}]}"""))
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    RemoteValidation.Report report = RemoteValidation.validate(greeting(), aws.settings(), RemoteValidation.Options.defaults());

    assertThat(report.failed(false)).isFalse();
    assertThat(report.failed(true)).isTrue();
  }

  @Test
  void aDeniedActionNamesThePrincipalAndTheAction() throws Exception {
    aws.on("ValidateStateMachineDefinition", jsonError(400, "AccessDeniedException",
        "User: arn:aws:iam::111122223333:user/ci is not authorized to perform: states:ValidateStateMachineDefinition"
            + " because no identity-based policy allows the states:ValidateStateMachineDefinition action"));

    assertThatThrownBy(() -> RemoteValidation.validate(greeting(), aws.settings(), RemoteValidation.Options.defaults()))
        .isInstanceOf(AwsException.class)
        .hasMessage("access denied: arn:aws:iam::111122223333:user/ci may not call states:ValidateStateMachineDefinition;"
            + " grant it that action (docs/aws.md lists what each command needs)");
  }

  @Test
  void throttlingIsRetriedByTheSdkThenSaidPlainly() throws Exception {
    aws.on("ValidateStateMachineDefinition", json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xmlError(400, "Throttling", "Rate exceeded"));

    assertThatThrownBy(() -> RemoteValidation.validate(greeting(), aws.settings(), RemoteValidation.Options.defaults()))
        .isInstanceOf(AwsException.class)
        .hasMessage("cloudformation:ValidateTemplate was throttled and the SDK's retries ran out (Throttling);"
            + " try again later, or raise the account's quota for it");
    // The SDK's own retries (their number is the SDK's default retry mode's, not ours).
    assertThat(aws.operations().subList(1, aws.operations().size()))
        .hasSizeGreaterThan(2).containsOnly("ValidateTemplate");
  }

  @Test
  void aThrottleThatPassesIsInvisible() throws Exception {
    aws.on("ValidateStateMachineDefinition", jsonError(400, "ThrottlingException", "Rate exceeded"),
            json("{\"result\":\"OK\",\"diagnostics\":[]}"))
        .on("ValidateTemplate", xml("ValidateTemplate", ""));

    RemoteValidation.Report report = RemoteValidation.validate(greeting(), aws.settings(), RemoteValidation.Options.defaults());

    assertThat(report.findings()).isEmpty();
    assertThat(aws.operations()).containsExactly("ValidateStateMachineDefinition", "ValidateStateMachineDefinition",
        "ValidateTemplate");
  }

  @Test
  void noRegionIsOneLineThatSaysHowToGiveOne() {
    AwsSettings settings = AwsSettings.defaults().withProfile("statecraft-test-no-such-profile")
        .withCredentials(LoopbackAws.fakeCredentials());

    assertThatThrownBy(settings::resolveRegion)
        .isInstanceOf(AwsException.class)
        .hasMessage("no AWS region: give --region eu-west-1 (plugin: -Dstatecraft.region=eu-west-1), set AWS_REGION,"
            + " or set region in the profile of ~/.aws/config");
  }
}
