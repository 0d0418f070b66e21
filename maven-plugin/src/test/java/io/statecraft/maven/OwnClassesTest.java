package io.statecraft.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class OwnClassesTest {

  @TempDir
  Path dir;

  private Path file(String relative, Instant modified) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "x");
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  @Test
  void findsTheSourceOfAClassAndOfANestedClassInAnyRoot() throws IOException {
    Path source = file("src/main/java/com/acme/Flows.java", Instant.parse("2026-01-01T00:00:00Z"));
    List<Path> roots = List.of(dir.resolve("target/generated-sources"), dir.resolve("src/main/java"));

    assertThat(OwnClasses.sourceOf("com.acme.Flows", roots)).contains(source);
    assertThat(OwnClasses.sourceOf("com.acme.Flows$Nightly", roots)).contains(source);
    assertThat(OwnClasses.sourceOf("com.acme.Other", roots)).isEmpty();
  }

  @Test
  void aClassIsCurrentOnlyWhenCompiledNoEarlierThanItsSource() throws IOException {
    Path source = file("src/main/java/com/acme/Flows.java", Instant.parse("2026-01-01T10:00:00Z"));
    Path classes = dir.resolve("target/classes");

    assertThat(OwnClasses.isCompiledFrom("com.acme.Flows", source, classes)).as("not compiled").isFalse();
    Path compiled = file("target/classes/com/acme/Flows.class", Instant.parse("2026-01-01T09:00:00Z"));
    assertThat(OwnClasses.isCompiledFrom("com.acme.Flows", source, classes)).as("older than its source").isFalse();
    Files.setLastModifiedTime(compiled, FileTime.from(Instant.parse("2026-01-01T10:00:01Z")));
    assertThat(OwnClasses.isCompiledFrom("com.acme.Flows", source, classes)).as("compiled after").isTrue();
  }

  @Test
  void aNestedClassIsCompiledToItsOwnFile() {
    assertThat(OwnClasses.classFile("com.acme.Flows$Nightly", dir))
        .isEqualTo(dir.resolve("com/acme/Flows$Nightly.class"));
  }
}
