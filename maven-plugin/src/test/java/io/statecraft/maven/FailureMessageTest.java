package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.statecraft.generator.Generation;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

  @Test
  void aDuplicateIdCountsBothWorkflowsItNames() {
    Generation.Report report = new Generation.Report(
        List.of(new Generation.DuplicateId("com.acme.Second", "same", "com.acme.First")), false);

    assertThat(FailureMessage.of(report, false)).isEqualTo("2 workflows have problems:\n"
        + "Workflows com.acme.First and com.acme.Second have the same id 'same'; ids name the output folders and"
        + " artifact classifiers, so each must be unique");
  }

  @Test
  void aWorkflowNamedByTwoFailuresCountsOnce() {
    Generation.Report report = new Generation.Report(List.of(
        new Generation.NotBuilt("com.acme.Broken", "IllegalStateException: no region (at com/acme/Broken.java:12)", List.of()),
        new Generation.DuplicateId("com.acme.Third", "same", "com.acme.First"),
        new Generation.DuplicateId("com.acme.Second", "same", "com.acme.First")), false);

    assertThat(FailureMessage.of(report, true)).isEqualTo("4 workflows have problems (failOnWarning is on):\n"
        + "Workflow com.acme.Broken cannot be built: IllegalStateException: no region (at com/acme/Broken.java:12)\n"
        + "Workflows com.acme.First and com.acme.Third have the same id 'same'; ids name the output folders and"
        + " artifact classifiers, so each must be unique\n"
        + "Workflows com.acme.First and com.acme.Second have the same id 'same'; ids name the output folders and"
        + " artifact classifiers, so each must be unique");
  }
}
