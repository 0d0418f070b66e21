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
    assertThat(info).containsExactly("TODO");
    assertThat(src.resolve("com/acme/PatchAlerts.java")).content().isEqualTo("TODO");
    assertThat(dir.resolve("src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow"))
        .content().isEqualTo("com.acme.PatchAlerts\n");
  }
}
