package io.statecraft.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchiveTrainingTest {

  @Test
  void everyCommandOfTheTrainingSucceeds() throws Exception {
    // A command that failed early would leave its later classes out of the launcher's archive.
    assertThat(ArchiveTraining.train()).isEmpty();
  }
}
