package io.statecraft.generator.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes generated files the way DESIGN.md requires: only when the bytes change (so a no-op
 * build touches nothing and incremental builds stay incremental), and through temporary files
 * renamed into place (so a failed build never leaves half a file).
 *
 * <p>A set of files that belong together (a workflow's definition, templates and diagram) is
 * written as a unit: every changed file is first written in full to a temporary file next to it
 * and flushed to disk, and only then are they all renamed into place. A full disk or a failure
 * while writing leaves every old file as it was; temporary files left by a killed run are removed
 * by the next one. Files get the mode of any new file (the umask's), not a temporary file's 0600.
 */
public final class GeneratedFiles {

  private static final String TEMPORARY_SUFFIX = ".tmp";

  // Temporary names are unique enough among processes (a start value taken once from
  // System.nanoTime(), in hex) and unique within this one (the counter), not random nor the pid:
  // UUID.randomUUID() would start SecureRandom, about 60 classes and a read of /dev/urandom, and
  // ProcessHandle's initialiser spins lambdas, in the cold JVM of every fresh generate (issue 19).
  // CREATE_NEW refuses a name that is taken; the next number is tried then. Plain loops, no
  // lambdas or streams, for the same reason.
  private static final String PROCESS = Long.toHexString(System.nanoTime());
  private static final AtomicLong TEMPORARY_NUMBER = new AtomicLong();
  private static final int NAME_ATTEMPTS = 100;

  private GeneratedFiles() {}

  /**
   * Writes {@code content} (UTF-8) to {@code file} unless it already holds exactly those bytes.
   *
   * @return true when the file was written, false when it was already up to date
   * @throws UncheckedIOException when the file cannot be read or written
   */
  public static boolean writeIfChanged(Path file, String content) {
    return !writeAllIfChanged(Map.of(file, content)).isEmpty();
  }

  /**
   * Writes each file (UTF-8) whose bytes differ, as one unit: all or, when anything fails before
   * the renames, none.
   *
   * @return the files written, in the order given
   * @throws UncheckedIOException when a file cannot be read or written; the message gives the reason
   */
  public static Set<Path> writeAllIfChanged(Map<Path, String> files) {
    Map<Path, byte[]> changed = new LinkedHashMap<>();
    Set<Path> directories = new LinkedHashSet<>();
    for (Map.Entry<Path, String> file : files.entrySet()) {
      Path target = file.getKey().toAbsolutePath();
      byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
      directories.add(target.getParent());
      try {
        if (!Files.isRegularFile(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
          changed.put(target, bytes);
        }
      } catch (IOException e) {
        throw failure("cannot read " + file.getKey(), e);
      }
    }
    for (Path directory : directories) {
      removeLeftovers(directory, files.keySet());
    }
    if (changed.isEmpty()) {
      return Set.of();
    }
    Map<Path, Path> temporaries = new LinkedHashMap<>();
    try {
      for (Map.Entry<Path, byte[]> file : changed.entrySet()) {
        Path target = file.getKey();
        try {
          Files.createDirectories(target.getParent());
          writeTemporary(target, file.getValue(), temporaries);
        } catch (IOException e) {
          throw failure("cannot write " + target, e);
        }
      }
      for (Map.Entry<Path, Path> rename : temporaries.entrySet()) {
        try {
          move(rename.getValue(), rename.getKey());
        } catch (IOException e) {
          throw failure("cannot write " + rename.getKey(), e);
        }
      }
      for (Path directory : directories) {
        syncDirectory(directory);
      }
    } finally {
      for (Path temporary : temporaries.values()) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // removed by the next run
        }
      }
    }
    Set<Path> written = new LinkedHashSet<>();
    for (Path file : files.keySet()) {
      if (changed.containsKey(file.toAbsolutePath())) {
        written.add(file);
      }
    }
    return written;
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  // Writes bytes in full and flushed to disk to a new temporary file next to target, and records it.
  private static void writeTemporary(Path target, byte[] bytes, Map<Path, Path> temporaries) throws IOException {
    for (int attempt = 1; ; attempt++) {
      Path temporary = target.resolveSibling(
          "." + target.getFileName() + "." + PROCESS + "-" + TEMPORARY_NUMBER.incrementAndGet() + TEMPORARY_SUFFIX);
      FileChannel channel;
      try {
        channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException taken) {
        if (attempt == NAME_ATTEMPTS) {
          throw taken;
        }
        continue;
      }
      temporaries.put(target, temporary);
      try (channel; OutputStream out = java.nio.channels.Channels.newOutputStream(channel)) {
        out.write(bytes);
        out.flush();
        channel.force(true);
      }
      return;
    }
  }

  // The temporary files of these names that a killed run left behind: ".<name>.<anything>.tmp".
  private static void removeLeftovers(Path directory, Set<Path> files) {
    if (!Files.isDirectory(directory)) {
      return;
    }
    List<String> prefixes = new ArrayList<>();
    for (Path file : files) {
      prefixes.add("." + file.getFileName() + ".");
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, "*" + TEMPORARY_SUFFIX)) {
      for (Path entry : entries) {
        if (startsWithAny(entry.getFileName().toString(), prefixes)) {
          Files.deleteIfExists(entry);
        }
      }
    } catch (IOException ignored) {
      // a leftover that cannot be removed harms nothing; the next run tries again
    }
  }

  private static boolean startsWithAny(String name, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  // Makes the renames durable: without it a crash can leave the old names after the new contents.
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException ignored) {
      // not every file system (or OS) can sync a directory; the files themselves are synced
    }
  }

  // "cannot write x (permission denied)": Java's own messages of these name only the path.
  private static UncheckedIOException failure(String what, IOException e) {
    String reason;
    if (e instanceof AccessDeniedException) {
      reason = "permission denied";
    } else if (e instanceof NoSuchFileException) {
      reason = "no such file or directory: " + e.getMessage();
    } else if (e instanceof NotDirectoryException) {
      reason = "not a directory: " + e.getMessage();
    } else if (e instanceof FileAlreadyExistsException) {
      reason = "a file is in the way: " + e.getMessage();
    } else if (e instanceof FileSystemException fileSystem && fileSystem.getReason() != null) {
      reason = fileSystem.getReason();
    } else {
      reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    return new UncheckedIOException(what + " (" + reason + ")", e);
  }
}
