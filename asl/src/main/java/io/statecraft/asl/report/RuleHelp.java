package io.statecraft.asl.report;

import io.statecraft.asl.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each problem code means and how to fix it, read from the tables of {@code
 * docs/validation-rules.md} and {@code docs/cloudformation.md}, which the build copies into this
 * package: the documentation stays the one place where a code is explained, and reports that carry
 * help (SARIF) show the same words.
 */
public final class RuleHelp {

  /**
   * One code's row.
   *
   * @param meaning the "What it means" (or "Meaning") cell, as Markdown
   * @param fix the "How to fix" cell, as Markdown
   */
  public record Entry(String meaning, String fix) {

    /** The Markdown with its code spans as plain text, for readers that show text only. */
    public String plainText() {
      return plain(meaning) + " How to fix: " + plain(fix);
    }

    public String markdown() {
      return meaning + "\n\n**How to fix:** " + fix;
    }

    private static String plain(String markdown) {
      return markdown.replace("``", "").replace("`", "").replace("\\|", "|");
    }
  }

  private static final List<String> DOCS = List.of("validation-rules.md", "cloudformation.md");

  private static final class Loaded {
    static final Map<ProblemCode, Entry> ENTRIES = load();
  }

  private RuleHelp() {}

  /** The documented help of {@code code}; empty only for a code the documentation lacks. */
  public static Optional<Entry> of(ProblemCode code) {
    return Optional.ofNullable(Loaded.ENTRIES.get(code));
  }

  private static Map<ProblemCode, Entry> load() {
    Map<ProblemCode, Entry> entries = new EnumMap<>(ProblemCode.class);
    for (String doc : DOCS) {
      try (InputStream in = RuleHelp.class.getResourceAsStream(doc)) {
        if (in != null) {
          read(new String(in.readAllBytes(), StandardCharsets.UTF_8), entries);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the packaged " + doc, e);
      }
    }
    return entries;
  }

  // Each table starts with a header row naming its columns; the rows under it document one code each.
  private static void read(String markdown, Map<ProblemCode, Entry> entries) {
    List<String> header = List.of();
    for (String line : markdown.split("\n")) {
      if (!line.startsWith("|")) {
        header = List.of();
        continue;
      }
      List<String> cells = cells(line);
      if (cells.get(0).equals("Code")) {
        header = cells;
        continue;
      }
      int meaning = Math.max(header.indexOf("What it means"), header.indexOf("Meaning"));
      int fix = header.indexOf("How to fix");
      String first = cells.get(0);
      if (meaning < 0 || fix < 0 || !first.startsWith("`") || cells.size() <= Math.max(meaning, fix)) {
        continue;
      }
      String name = first.substring(1, first.length() - 1);
      try {
        entries.putIfAbsent(ProblemCode.valueOf(name), new Entry(cells.get(meaning), cells.get(fix)));
      } catch (IllegalArgumentException e) {
        // A documented code that no longer exists: ProblemCodeTest reports it; nothing to help with.
      }
    }
  }

  // A table row's cells; "\|" inside a cell is a literal bar, not a column boundary.
  private static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    for (int i = 1; i < row.length(); i++) {
      char c = row.charAt(i);
      if (c == '\\' && i + 1 < row.length() && row.charAt(i + 1) == '|') {
        cell.append("\\|");
        i++;
      } else if (c == '|') {
        cells.add(cell.toString().strip());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    return cells;
  }
}
