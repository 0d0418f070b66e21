package io.statecraft.maven;

import static io.statecraft.connect.LoopbackAws.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.connect.LoopbackAws;
import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sns.model.PublishRequest;

/**
 * The adopt goal: the command line's adoption with the project's class path, so that an SDK module
 * the project declares (here sns, test-scoped in this module) types its tasks.
 */
final class AdoptMojoTest {

  private static final String NOTIFY = """
      Resources:
        Alerts:
          Type: AWS::StepFunctions::StateMachine
          Properties:
            StateMachineName: patch-alerts
            Definition:
              StartAt: Notify
              States:
                Notify:
                  Type: Task
                  Resource: arn:aws:states:::sns:publish
                  Parameters:
                    TopicArn: arn:aws:sns:eu-west-1:111122223333:alerts
                    Message.$: $.message
                  End: true
      """;

  private final List<String> info = new ArrayList<>();

  @TempDir
  Path dir;

  private AdoptMojo mojo(String template) throws Exception {
    AdoptMojo mojo = new AdoptMojo();
    mojo.setLog(new SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        info.add(content.toString());
      }
    });
    set(mojo, "basedir", dir.toFile());
    set(mojo, "template", template);
    set(mojo, "packageName", "com.acme");
    set(mojo, "output", dir.resolve("src/main/java").toFile());
    // The project's test class path: the jar of the sns model, as Maven would resolve it.
    File snsJar = new File(PublishRequest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    set(mojo, "classpathElements", List.of(snsJar.getPath()));
    return mojo;
  }

  private Path template(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static void set(Object mojo, String field, Object value) throws Exception {
    Class<?> type = mojo.getClass();
    Field f = null;
    while (f == null) {
      try {
        f = type.getDeclaredField(field);
      } catch (NoSuchFieldException e) {
        type = type.getSuperclass();
        if (type == null) {
          throw e;
        }
      }
    }
    f.setAccessible(true);
    f.set(mojo, value);
  }

  @Test
  void anSnsTaskIsTypedWithTheProjectsSdkModuleAndItsPermissionsDerived() throws Exception {
    template("stack.yml", NOTIFY);

    mojo("stack.yml").execute();

    Path src = dir.resolve("src/main/java");
    assertThat(info).containsExactly(
        "Adopted " + dir.resolve("stack.yml") + " as workflow patch-alerts (com.acme.PatchAlerts):",
        "  /States/Notify/Parameters/TopicArn: the ARN arn:aws:sns:eu-west-1:111122223333:alerts -> ${NotifyTopicArn},"
            + " parameter NotifyTopicArn (default: the old value)",
        "  StateMachineName: not kept; CloudFormation names the state machine after the stack",
        "  States/Notify: arn:aws:states:::sns:publish -> typed call (AwsSdk), its permissions derived",
        "  Dependencies: the typed calls compile against software.amazon.awssdk:sns (the AWS SDK's service modules;"
            + " add them to the workflow module's pom.xml, versions from the SDK's BOM)",
        "  Permissions: no policy of the original role was read, so none is compared; pass its documents with"
            + " -Dstatecraft.adopt.rolePolicies=FILE",
        "wrote " + src.resolve("com/acme/PatchAlerts.java"),
        "wrote " + dir.resolve("src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow"));
    assertThat(src.resolve("com/acme/PatchAlerts.java")).content().isEqualTo("""
        package com.acme;

        import io.statecraft.aws.AwsSdk;
        import io.statecraft.dsl.Path;
        import io.statecraft.dsl.Placeholder;
        import io.statecraft.dsl.StateMachine;
        import io.statecraft.dsl.Task;
        import io.statecraft.dsl.workflow.Parameter;
        import io.statecraft.dsl.workflow.Workflow;
        import io.statecraft.dsl.workflow.WorkflowSpec;
        import software.amazon.awssdk.services.sns.model.PublishRequest;

        /**
         * Adopted by Statecraft.
         */
        public final class PatchAlerts implements Workflow {
          /**
           * The workflow id: output folder and artifact classifier.
           */
          public static final String ID = "patch-alerts";

          static final Parameter NOTIFY_TOPIC_ARN = Parameter.string("NotifyTopicArn")
              .description("ARN that state Notify uses (adopted with arn:aws:sns:eu-west-1:111122223333:alerts)")
              .defaultValue("arn:aws:sns:eu-west-1:111122223333:alerts");

          @Override
          public String id() {
            return ID;
          }

          @Override
          public WorkflowSpec spec() {
            return WorkflowSpec.builder(stateMachine())
                .parameters(NOTIFY_TOPIC_ARN)
                .build();
          }

          /**
           * Builds the state machine.
           */
          public static StateMachine stateMachine() {
            Task notify = Task.named("Notify")
                .call(AwsSdk.optimized(PublishRequest.builder()
                    .topicArn(AwsSdk.text(Placeholder.string("NotifyTopicArn")))
                    .message(AwsSdk.text(Path.of("$.message")))
                    .build()));
            return StateMachine.startWith(notify);
          }
        }
        """);
    assertThat(dir.resolve("src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow"))
        .content().isEqualTo("com.acme.PatchAlerts\n");
  }
  @Test
  void aSecondRunLeavesTheFilesAndTheServicesEntryAsTheyAre() throws Exception {
    template("stack.yml", NOTIFY);
    Path services = Files.createDirectories(dir.resolve("src/main/resources/META-INF/services"))
        .resolve("io.statecraft.dsl.workflow.Workflow");
    Files.writeString(services, "com.acme.Other\n");
    mojo("stack.yml").execute();
    info.clear();

    mojo("stack.yml").execute();

    assertThat(services).content().isEqualTo("com.acme.Other\ncom.acme.PatchAlerts\n");
    assertThat(info.subList(info.size() - 2, info.size())).containsExactly(
        "up to date " + dir.resolve("src/main/java/com/acme/PatchAlerts.java"), "up to date " + services);
  }

  @Test
  void aRolePolicyIsComparedWithThePermissionsTheTypedTaskDerives() throws Exception {
    template("stack.yml", NOTIFY);
    Files.writeString(dir.resolve("role.json"), """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sns:Publish",
          "Resource": "arn:aws:sns:eu-west-1:111122223333:alerts"}]}
        """);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "rolePolicies", List.of(new File("role.json")));

    mojo.execute();

    // The typed call derives sns:Publish on the topic, exactly what the original role granted.
    assertThat(info.subList(5, info.size() - 2)).containsExactly(
        "  Permissions: statecraft.adopt.rolePolicies role.json compared with what the states derive (parameters at"
            + " their defaults):",
        "    the same actions on the same resources");
  }

  @Test
  void noTemplateGivenSaysWhichPropertyToSet() throws Exception {
    AdoptMojo mojo = mojo(null);

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: no template given; pass -Dstatecraft.adopt.template=FILE (or"
            + " -Dstatecraft.adopt.stateMachine=ARN for a deployed state machine)");
    assertNothingWritten();
  }

  @Test
  void aTemplateAndAStateMachineTogetherAreRefused() throws Exception {
    template("stack.yml", NOTIFY);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "stateMachine", "arn:aws:states:eu-west-1:111122223333:stateMachine:patch-alerts");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: give one source, statecraft.adopt.template or statecraft.adopt.stateMachine,"
            + " not both");
    assertNothingWritten();
  }

  @Test
  void aTemplateThatIsNotAFileIsNamedWithItsPath() throws Exception {
    AdoptMojo mojo = mojo("missing.yml");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: no such file: " + dir.resolve("missing.yml")
            + "; statecraft.adopt.template names a CloudFormation or SAM template");
    assertNothingWritten();
  }

  @Test
  void aTemplateWithoutAStateMachineFailsTheBuild() throws Exception {
    template("stack.yml", """
        Resources:
          Topic:
            Type: AWS::SNS::Topic
        """);

    assertThatThrownBy(mojo("stack.yml")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft adopt: " + dir.resolve("stack.yml") + ": the template has no AWS::StepFunctions::StateMachine"
            + " or AWS::Serverless::StateMachine resource, so there is nothing to adopt");
    assertNothingWritten();
  }

  @Test
  void severalStateMachinesWithoutAResourceFailTheBuildNamingThem() throws Exception {
    template("stack.yml", NOTIFY + """
          Other:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: Done
                States:
                  Done:
                    Type: Succeed
        """);

    assertThatThrownBy(mojo("stack.yml")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft adopt: " + dir.resolve("stack.yml") + ": the template has 2 state machines [Alerts, Other];"
            + " choose one with -Dstatecraft.adopt.resource=ID");
    assertNothingWritten();
  }

  @Test
  void theResourceChoosesOneOfSeveralStateMachines() throws Exception {
    template("stack.yml", NOTIFY + """
          Other:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: Done
                States:
                  Done:
                    Type: Succeed
        """);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "resource", "Alerts");
    set(mojo, "id", "alerts");

    mojo.execute();

    assertThat(info.get(0)).isEqualTo("Adopted " + dir.resolve("stack.yml") + " as workflow alerts (com.acme.Alerts):");
    assertThat(dir.resolve("src/main/java/com/acme/Alerts.java")).content().contains("AwsSdk.optimized(PublishRequest");
  }

  @Test
  void aDefinitionWithErrorsFailsTheBuildWithItsProblems() throws Exception {
    template("stack.yml", """
        Resources:
          Alerts:
            Type: AWS::StepFunctions::StateMachine
            Properties:
              Definition:
                StartAt: Missing
                States:
                  Done:
                    Type: Succeed
        """);

    assertThatThrownBy(mojo("stack.yml")::execute).isInstanceOf(MojoFailureException.class)
        .hasMessage("statecraft adopt: " + dir.resolve("stack.yml") + ": Resources/Alerts: the definition has 1 error, so it"
            + " is not adopted; the first: ERROR MISSING_TRANSITION_TARGET /StartAt: StartAt names 'Missing', but the top"
            + " level has no state of that name (names are case-sensitive) (statecraft lint lists them all once the"
            + " definition is in a file of its own)");
    assertNothingWritten();
  }

  @Test
  void aKeepLiteralThatIsNoRegularExpressionIsRefused() throws Exception {
    template("stack.yml", NOTIFY);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "keepLiterals", List.of("arn:aws:sns:(.*"));

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: statecraft.adopt.keepLiterals: not a regular expression: Unclosed group in"
            + " (?:arn:aws:sns:(.*)");
    assertNothingWritten();
  }

  @Test
  void aRolePolicyThatIsNotAFileIsNamedWithItsPath() throws Exception {
    template("stack.yml", NOTIFY);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "rolePolicies", List.of(new File("role.json")));

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: statecraft.adopt.rolePolicies: no such file: " + dir.resolve("role.json"));
    assertNothingWritten();
  }

  @Test
  void aPackageThatIsNoJavaNameIsRefused() throws Exception {
    template("stack.yml", NOTIFY);
    AdoptMojo mojo = mojo("stack.yml");
    set(mojo, "packageName", "com.acme.2024");

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoExecutionException.class)
        .hasMessage("statecraft adopt: not a Java package name: com.acme.2024");
    assertNothingWritten();
  }

  @Test
  void aDeployedStateMachineIsDescribedWithTheGoalsAwsSettings() throws Exception {
    String machine = "arn:aws:states:eu-west-1:111122223333:stateMachine:NightlyReport";
    try (LoopbackAws aws = LoopbackAws.start()) {
      aws.on("DescribeStateMachine", json("{\"stateMachineArn\": \"" + machine + "\", \"name\": \"NightlyReport\","
              + " \"status\": \"ACTIVE\", \"type\": \"STANDARD\", \"roleArn\": \"arn:aws:iam::111122223333:role/r\","
              + " \"creationDate\": 1767225600, \"definition\": \"{\\\"StartAt\\\": \\\"Done\\\", \\\"States\\\":"
              + " {\\\"Done\\\": {\\\"Type\\\": \\\"Succeed\\\"}}}\"}"))
          .on("ListTagsForResource", json("{\"tags\": []}"));
      AdoptMojo mojo = mojo(null);
      mojo.base = aws.settings();
      set(mojo, "stateMachine", machine);

      mojo.execute();

      assertThat(aws.operations()).containsExactly("DescribeStateMachine", "ListTagsForResource");
      assertThat(info.get(0)).isEqualTo("Adopted " + machine + " as workflow nightly-report (com.acme.NightlyReport):");
      assertThat(dir.resolve("src/main/java/com/acme/NightlyReport.java")).exists();
    }
  }

  private void assertNothingWritten() {
    assertThat(dir.resolve("src")).doesNotExist();
  }
}
