package io.statecraft.asl.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.statecraft.asl.Problem;
import io.statecraft.asl.ProblemCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The one place that reads a state machine definition (or any other JSON or YAML document) into
 * a Jackson tree, and the shared mapper configuration.
 *
 * <p>Numbers are kept exactly as written ({@code 2.0} stays {@code 2.0}, floats are {@link
 * java.math.BigDecimal}s), so that a definition read and written again is unchanged. Duplicate
 * keys are errors: a JSON parser would silently keep the last one, and in a {@code States} object
 * that hides a whole state.
 */
public final class JsonDocuments {

  /** The kinds of text a definition can be written in. */
  public enum Format {
    JSON,
    YAML
  }

  /** The file name endings of definition files, longest first. */
  public static final List<String> DEFINITION_EXTENSIONS = List.of(".asl.json", ".json", ".yaml", ".yml");

  // The States object of the top level, of a Parallel branch or of a Map's item processor.
  private static final Pattern STATES_OBJECT =
      Pattern.compile("(.*/(Branches/\\d+|ItemProcessor|Iterator))?/States");

  /**
   * The largest file read, in bytes: twice the service's 1,048,576-byte limit on a definition, so
   * that YAML's indentation and comments fit, but a huge file is refused before it is parsed (a
   * parser reads a whole string token before any size check could see it).
   */
  public static final long MAX_FILE_BYTES = 2L * 1_048_576;

  // The same depth bound as every other reader of a definition (Nesting), so that the tree never
  // holds what a recursive walk of it cannot finish.
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder().maxNestingDepth(Nesting.MAX_DEPTH).build();
  private static final ObjectMapper JSON =
      configure(JsonMapper.builder(JsonFactory.builder().streamReadConstraints(LIMITS).build())).build();
  private static final ObjectWriter COMPACT_WRITER = JSON.writer();

  private JsonDocuments() {}

  // Created on first use: most runs read only JSON, and YAML's mapper loads SnakeYAML with it.
  private static final class Yaml {
    static final ObjectMapper MAPPER =
        configure(YAMLMapper.builder(YAMLFactory.builder().streamReadConstraints(LIMITS).build())).build();
  }

  private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B configure(B builder) {
    return builder
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /** A JSON mapper with the shared configuration (exact numbers); each call returns a copy. */
  public static ObjectMapper mapper() {
    return JSON.copy();
  }

  /** A YAML mapper with the shared configuration (exact numbers); each call returns a copy. */
  public static ObjectMapper yamlMapper() {
    return Yaml.MAPPER.copy();
  }

  /**
   * The shared mapper's compact JSON writer: unlike a {@link #mapper()} copy, which starts with
   * empty caches, it reuses the serializers already found, so writing many small trees stays cheap.
   */
  public static ObjectWriter compactWriter() {
    return COMPACT_WRITER;
  }

  /** Whether {@code file}'s name ends like a definition: .json, .asl.json, .yaml or .yml. */
  public static boolean isDefinitionFile(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    return DEFINITION_EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  /**
   * The format of a document: by the file name's extension, else by its first character ({@code
   * {} or {@code [} is JSON, anything else YAML).
   */
  public static Format formatOf(String fileName, String content) {
    String name = fileName.toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return Format.JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return Format.YAML;
    }
    String text = content.stripLeading();
    return text.startsWith("{") || text.startsWith("[") ? Format.JSON : Format.YAML;
  }

  /**
   * Reads a file as UTF-8 JSON or YAML.
   *
   * @throws DocumentException when the file cannot be read, is empty, is not JSON/YAML, or has
   *     duplicate keys; the message names the file, line and column
   */
  public static JsonNode read(Path file) throws DocumentException {
    String shown = file.toString();
    String content;
    try {
      // A FIFO would block and /dev/zero never ends: only regular files, and only up to the limit.
      if (!Files.isRegularFile(file)) {
        throw unreadable(shown, "not a regular file; name a definition file");
      }
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw tooLarge(shown, size);
      }
      byte[] bytes;
      try (InputStream in = Files.newInputStream(file)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1);
      }
      if (bytes.length > MAX_FILE_BYTES) {
        throw tooLarge(shown, bytes.length);
      }
      content = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw unreadable(shown, "the file is not UTF-8 text; save it as UTF-8");
    } catch (IOException e) {
      throw unreadable(shown, "cannot read the file: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : " " + e.getMessage()));
    }
    return parse(content, shown);
  }

  private static DocumentException tooLarge(String file, long size) {
    return new DocumentException(file, List.of(Problem.error(ProblemCode.DEFINITION_TOO_LARGE, JsonPointers.ROOT,
        "the file is " + size + " bytes; Statecraft reads at most " + MAX_FILE_BYTES + " (the service accepts a "
            + "definition of at most 1,048,576 bytes), so move large literals into the input or a child state machine")));
  }

  /**
   * Reads a document from text.
   *
   * @param text the document, with or without a byte order mark
   * @param fileName the name shown in messages; its extension chooses JSON or YAML
   * @throws DocumentException when the text is empty, not JSON/YAML, or has duplicate keys
   */
  public static JsonNode parse(String text, String fileName) throws DocumentException {
    // Editors on Windows start UTF-8 files with a byte order mark; it is not part of the document.
    String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (content.length() > MAX_FILE_BYTES) {
      throw tooLarge(fileName, content.length());
    }
    if (content.isBlank()) {
      throw new DocumentException(fileName, List.of(Problem.error(ProblemCode.MISSING_DESCRIPTION,
          JsonPointers.ROOT, "the file is empty; a definition is a JSON or YAML object with StartAt and States")));
    }
    Format format = formatOf(fileName, content);
    ObjectMapper mapper = format == Format.JSON ? JSON : Yaml.MAPPER;
    List<Problem> duplicates;
    try {
      duplicates = findDuplicateKeys(mapper.getFactory(), content, format);
    } catch (JsonProcessingException e) {
      throw new DocumentException(fileName, List.of(syntaxProblem(format, e)));
    } catch (IOException e) {
      throw unreadable(fileName, "cannot read the document: " + e.getMessage());
    }
    if (!duplicates.isEmpty()) {
      throw new DocumentException(fileName, duplicates);
    }
    try {
      JsonNode tree = mapper.readTree(content);
      if (tree == null || tree.isMissingNode()) {
        throw new DocumentException(fileName, List.of(Problem.error(ProblemCode.MISSING_DESCRIPTION,
            JsonPointers.ROOT, "the file holds no document; a definition is an object with StartAt and States")));
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new DocumentException(fileName, List.of(syntaxProblem(format, e)));
    }
  }

  private static DocumentException unreadable(String file, String message) {
    return new DocumentException(file, List.of(
        Problem.error(ProblemCode.INVALID_JSON_DESCRIPTION, JsonPointers.ROOT, message)));
  }

  private static Problem syntaxProblem(Format format, JsonProcessingException e) {
    if (e instanceof StreamConstraintsException && String.valueOf(e.getMessage()).contains("nesting depth")) {
      return Problem.error(ProblemCode.TOO_DEEP, JsonPointers.ROOT, "the document nests objects and arrays more "
          + "than " + Nesting.MAX_DEPTH + " levels deep; Statecraft reads no deeper, so flatten it");
    }
    JsonLocation location = e.getLocation();
    String where = location == null || location.getLineNr() < 1
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
    // Jackson names the opening brace as "[Source: REDACTED ...; line: 1, column: 1]"; say it plainly.
    String oneLine = reason.replaceAll("\\s+", " ")
        .replaceAll("\\(start marker at \\[Source: .*?; line: (\\d+), column: (\\d+)]\\)", "(opened at line $1, column $2)")
        .strip();
    return Problem.error(ProblemCode.INVALID_JSON_DESCRIPTION, JsonPointers.ROOT,
        "not valid " + format + where + ": " + oneLine);
  }

  /** One open object or array while scanning tokens. */
  private static final class Container {
    final String pointer;
    final Map<String, JsonLocation> keys; // null for an array
    int nextIndex;
    String currentKey;

    Container(String pointer, boolean object) {
      this.pointer = pointer;
      this.keys = object ? new HashMap<>() : null;
    }

    String childPointer() {
      return keys == null ? JsonPointers.child(pointer, nextIndex++) : JsonPointers.child(pointer, currentKey);
    }
  }

  // A streaming pass, so that every duplicate is reported (Jackson's strict duplicate detection
  // stops at the first one) with its line, and with the service's own code inside States.
  // It also refuses, with their pointers, what the tree would carry wrongly: numbers beyond a double
  // (BigDecimal cannot even hold 1e-2147483649), YAML values that are no JSON (!!binary), and YAML
  // aliases and merge keys, which Jackson reads as the alias's name and as a field "<<".
  private static List<Problem> findDuplicateKeys(JsonFactory factory, String content, Format format) throws IOException {
    List<Problem> problems = new ArrayList<>();
    Deque<Container> open = new ArrayDeque<>();
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        Container parent = open.peek();
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          problems.add(Problem.error(ProblemCode.INVALID_JSON_DESCRIPTION, pointerOf(parent),
              "YAML alias *" + parser.getText() + " is not supported (it would be read as its name); write the "
                  + "value out in full"));
        } else if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
          checkNumber(parser.getText(), parent, problems);
        } else if (token == JsonToken.VALUE_EMBEDDED_OBJECT) {
          problems.add(Problem.error(ProblemCode.INVALID_VALUE_TYPE, pointerOf(parent),
              "this YAML value (such as !!binary) has no JSON form; write it as a string"));
        } else if (token == JsonToken.FIELD_NAME && format == Format.YAML && "<<".equals(parser.currentName())) {
          problems.add(Problem.error(ProblemCode.INVALID_JSON_DESCRIPTION, JsonPointers.child(parent.pointer, "<<"),
              "YAML merge keys (<<) are not supported; write the merged fields out in full"));
        }
        if (token == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          JsonLocation here = parser.currentTokenLocation();
          JsonLocation first = parent.keys.putIfAbsent(key, here);
          if (first != null) {
            problems.add(duplicate(parent, key, first, here));
          }
          parent.currentKey = key;
        } else if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
          String pointer = parent == null ? JsonPointers.ROOT : parent.childPointer();
          open.push(new Container(pointer, token == JsonToken.START_OBJECT));
        } else if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
          open.pop();
        } else if (parent != null && parent.keys == null) {
          parent.nextIndex++;
        }
      }
    }
    return problems;
  }

  // The pointer of the value the parser is at, without advancing an array's index.
  private static String pointerOf(Container parent) {
    if (parent == null) {
      return JsonPointers.ROOT;
    }
    return parent.keys == null ? JsonPointers.child(parent.pointer, parent.nextIndex) : JsonPointers.child(parent.pointer, parent.currentKey);
  }

  // Every number must be a finite double that is not a rounded-away non-zero: what any JSON reader,
  // the service's included, can hold.
  private static void checkNumber(String text, Container parent, List<Problem> problems) {
    double value = Double.parseDouble(text);
    boolean tooSmall = value == 0 && NON_ZERO_DIGIT.matcher(mantissa(text)).find();
    if (Double.isInfinite(value) || tooSmall) {
      String shown = text.length() > 40 ? text.substring(0, 40) + "..." : text;
      problems.add(Problem.error(ProblemCode.VALUE_OUT_OF_RANGE, pointerOf(parent), "the number " + shown
          + " is beyond what a double holds (magnitude 4.9e-324 to 1.8e308); write a smaller number, or a string"));
    }
  }

  private static String mantissa(String number) {
    int exponent = Math.max(number.indexOf('e'), number.indexOf('E'));
    return exponent < 0 ? number : number.substring(0, exponent);
  }

  private static final Pattern NON_ZERO_DIGIT = Pattern.compile("[1-9]");

  private static Problem duplicate(Container object, String key, JsonLocation first, JsonLocation again) {
    boolean stateName = STATES_OBJECT.matcher(object.pointer).matches();
    String pointer = JsonPointers.child(object.pointer, key);
    String where = "line " + again.getLineNr() + ", column " + again.getColumnNr();
    if (stateName) {
      return Problem.error(ProblemCode.DUPLICATE_STATE_NAME, pointer,
          "state '" + key + "' is defined twice (line " + first.getLineNr() + " and " + where
              + "); a parser would keep only the last one, so rename or remove one of them");
    }
    return Problem.error(ProblemCode.DUPLICATE_KEY, pointer,
        "key '" + key + "' appears twice in the same object (line " + first.getLineNr() + " and " + where
            + "); only the last one would be kept, so remove one of them");
  }
}
