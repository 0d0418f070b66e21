package io.statecraft.asl.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The one JSON form Statecraft writes: keys in the order the tree holds them, two-space indent,
 * one array item per line, {@code "key": value}, LF line ends, a final newline, UTF-8, numbers
 * exactly as held. The same tree always gives the same bytes.
 */
public final class CanonicalJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .build();

  private static final ObjectWriter WRITER = MAPPER.writer(printer())
      .without(JsonGenerator.Feature.ESCAPE_NON_ASCII)
      .with(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

  private CanonicalJson() {}

  /** A mapper whose trees keep numbers exactly ({@code 2.0} stays {@code 2.0}). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** The canonical text of {@code node}, ending with a newline. */
  public static String write(JsonNode node) {
    // Into a buffer kept per thread, then copied once: a build writes every definition and
    // template this way, and a fresh growing buffer for each would be most of what it allocates.
    TextBuffer text = BUFFER.get();
    try {
      WRITER.writeValue(text, node);
      text.write('\n');
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      text.reset();
    }
  }

  /** The canonical UTF-8 bytes of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  private static final ThreadLocal<TextBuffer> BUFFER = ThreadLocal.withInitial(TextBuffer::new);

  /** A writer into a reusable {@link StringBuilder}; closing it keeps the text. */
  private static final class TextBuffer extends Writer {

    // A buffer grown past this (a huge template) is dropped rather than kept for the thread.
    private static final int KEPT_CAPACITY = 1 << 20;

    private StringBuilder text = new StringBuilder(16_384);

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, offset + length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }

    void reset() {
      if (text.capacity() > KEPT_CAPACITY) {
        text = new StringBuilder(16_384);
      } else {
        text.setLength(0);
      }
    }
  }

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators = Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator("");
    return new DefaultPrettyPrinter(separators)
        .withObjectIndenter(indenter)
        .withArrayIndenter(indenter);
  }
}
