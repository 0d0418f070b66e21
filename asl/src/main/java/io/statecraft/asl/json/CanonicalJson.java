package io.statecraft.asl.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one JSON form Statecraft writes: keys in the order the tree holds them, two-space indent,
 * one array item per line, {@code "key": value}, LF line ends, a final newline, UTF-8, numbers
 * exactly as held. The same tree always gives the same bytes.
 *
 * <p>Written with jackson-core's generator, walking the tree ({@link #writeTree}), not with an
 * {@link ObjectMapper}: a mapper's serializer machinery is about 300 classes, which a cold
 * {@code statecraft generate} or a fresh {@code statecraft:generate} in Maven would load and
 * interpret for nothing but this walk (bench/RESULTS.md, issue 19). The mapper is still here for
 * code that reads JSON into trees ({@link #mapper()}), created on first use.
 */
public final class CanonicalJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .disable(JsonWriteFeature.ESCAPE_NON_ASCII)
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
      .build();

  private static final DefaultPrettyPrinter PRINTER = printer();

  private CanonicalJson() {}

  private static final class Mapper {
    static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .nodeFactory(NODES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .build();
  }

  /** A mapper whose trees keep numbers exactly ({@code 2.0} stays {@code 2.0}). */
  public static ObjectMapper mapper() {
    return Mapper.MAPPER;
  }

  /** The node factory of {@link #mapper()}'s trees, without creating the mapper. */
  public static JsonNodeFactory nodes() {
    return NODES;
  }

  /** The canonical text of {@code node}, ending with a newline. */
  public static String write(JsonNode node) {
    // Into a buffer kept per thread, then copied once: a build writes every definition and
    // template this way, and a fresh growing buffer for each would be most of what it allocates.
    TextBuffer text = BUFFER.get();
    try {
      try (JsonGenerator generator = FACTORY.createGenerator(text)) {
        generator.setPrettyPrinter(PRINTER.createInstance());
        writeTree(generator, node);
      }
      text.write('\n');
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      text.reset();
    }
  }

  /** {@code node} on one line, no spaces: for measuring and searching a tree's text. */
  public static String compact(JsonNode node) {
    StringWriter text = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(text)) {
      writeTree(generator, node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** The canonical UTF-8 bytes of {@code node}. */
  public static byte[] bytes(JsonNode node) {
    return write(node).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code node} to {@code generator} as its node serializers would: the same events for
   * JSON and YAML generators, numbers in the type the node holds them.
   */
  public static void writeTree(JsonGenerator generator, JsonNode node) throws IOException {
    switch (node.getNodeType()) {
      case OBJECT -> {
        generator.writeStartObject();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
          generator.writeFieldName(field.getKey());
          writeTree(generator, field.getValue());
        }
        generator.writeEndObject();
      }
      case ARRAY -> {
        generator.writeStartArray();
        for (JsonNode element : node) {
          writeTree(generator, element);
        }
        generator.writeEndArray();
      }
      case STRING -> generator.writeString(node.textValue());
      case NUMBER -> writeNumber(generator, node);
      case BOOLEAN -> generator.writeBoolean(node.booleanValue());
      case NULL, MISSING -> generator.writeNull();
      case BINARY, POJO -> throw new IllegalArgumentException(
          "a " + node.getNodeType() + " node has no canonical JSON form; build trees of JSON values only");
    }
  }

  private static void writeNumber(JsonGenerator generator, JsonNode number) throws IOException {
    switch (number.numberType()) {
      case INT -> generator.writeNumber(number.intValue());
      case LONG -> generator.writeNumber(number.longValue());
      case BIG_INTEGER -> generator.writeNumber(number.bigIntegerValue());
      case FLOAT -> generator.writeNumber(number.floatValue());
      case DOUBLE -> generator.writeNumber(number.doubleValue());
      case BIG_DECIMAL -> generator.writeNumber(number.decimalValue());
    }
  }

  // An anonymous subclass, not ThreadLocal.withInitial(TextBuffer::new): each lambda is a class spun
  // at run time in every cold generate (issue 19, bench/RESULTS.md).
  private static final ThreadLocal<TextBuffer> BUFFER = new ThreadLocal<>() {
    @Override
    protected TextBuffer initialValue() {
      return new TextBuffer();
    }
  };

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
