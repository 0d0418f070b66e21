package io.statecraft.asl.validate;

import io.statecraft.asl.Spelling;
import io.statecraft.iam.IamCatalog;
import io.statecraft.iam.IamResourceType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Literal ARNs, and SQS queue URLs, checked against what AWS documents for them.
 *
 * <p>An ARN is {@code arn:partition:service:region:account:resource} ("Amazon Resource Names",
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html): six fields, the partition
 * {@code aws}, {@code aws-cn}, {@code aws-us-gov} (and the isolated ones), a Region code such as
 * {@code us-east-2}, an account ID of 12 digits without hyphens; some resources leave out the
 * Region, the account or both. What the resource part looks like for each resource type is in the
 * Service Authorization Reference
 * (https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html),
 * which {@link IamCatalog} holds as data: {@code arn:${Partition}:sns:${Region}:${Account}:${TopicName}}.
 * An ARN is fine when it matches one of the formats of its service (the ARN's third field); an ARN
 * of a service the catalogue does not know is not checked.
 *
 * <p>A queue URL is {@code https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE_NAME} ("Amazon SQS queue
 * and message identifiers",
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-queue-message-identifiers.html);
 * a queue name has up to 80 letters, digits, {@code -} and {@code _}, a FIFO queue's ending in
 * {@code .fifo} (GetQueueUrl's QueueName,
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueUrl.html).
 *
 * <p>Loaded only when a definition holds a literal ARN or queue URL ({@link IntegrationRules} finds
 * them with plain string tests), so that linting a definition without one loads neither this class
 * nor the catalogue (about 3 MB of JSON).
 */
final class ArnFormatCheck {

  private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");
  private static final Pattern QUEUE_URL = Pattern.compile("https?://([^/]+)/([^/]*)/([^/]*)");
  private static final Pattern QUEUE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,80}|[A-Za-z0-9_-]{1,75}\\.fifo");
  private static final String QUEUE_URL_FORMAT = "https://sqs.REGION.amazonaws.com/ACCOUNT/QUEUE_NAME";

  /**
   * ARNs AWS documents that the Service Authorization Reference has no resource type for, as no
   * policy names them as a resource: the sessions of an assumed role and of a federated user
   * ("IAM ARNs", https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-arns).
   */
  private static final List<IamResourceType> NOT_IN_THE_CATALOGUE = List.of(
      new IamResourceType("sts", "assumed-role",
          List.of("arn:${Partition}:sts::${Account}:assumed-role/${RoleName}/${RoleSessionName}"), List.of()),
      new IamResourceType("sts", "federated-user",
          List.of("arn:${Partition}:sts::${Account}:federated-user/${UserName}"), List.of()));

  /** The formats of each ARN service that has an IAM service prefix of the same name. */
  private static final Map<String, List<ArnFormat>> BY_PREFIX = new ConcurrentHashMap<>();
  /**
   * The formats of each ARN service from every service of the catalogue (STS writes a few of
   * IAM's ARNs, EventBridge two of KMS's): looked up only when an ARN matches none of its own
   * service's formats, as the first look-up scans the whole catalogue.
   */
  private static final Map<String, List<ArnFormat>> EVERY_SERVICE = new ConcurrentHashMap<>();

  private ArnFormatCheck() {}

  /**
   * What is wrong with {@code arn}, a literal ARN (no placeholder), as a phrase that follows the
   * ARN in a message ("has the account ..."; expected ...); empty when it matches a format of its
   * service, or its service is not in the catalogue.
   *
   * @param hint the name of the field holding the ARN ({@code TableArn}, {@code Resource}), which
   *     tells which format to show when the ARN itself does not
   */
  static Optional<Mismatch> problem(String arn, String hint) {
    String[] fields = arn.split(":", 6);
    if (fields.length < 3) {
      return Optional.empty(); // no service: nothing to compare with
    }
    String service = fields[2];
    List<ArnFormat> formats = formatsOf(service);
    if (formats.isEmpty()) {
      return Optional.empty();
    }
    if (fields.length < 6) {
      return Mismatch.of("has " + fields.length + " of the six fields of an ARN (arn:partition:service:region:"
          + "account:resource); expected " + likeliest(formats, fields[fields.length - 1], hint).written());
    }
    if (!PARTITION.matcher(fields[1]).matches()) {
      return Mismatch.of("has the partition '" + fields[1] + "', which is none of AWS's (aws, aws-cn, aws-us-gov, "
          + "...); expected " + likeliest(formats, fields[5], hint).written());
    }
    String resource = fields[5];
    if (resource.isEmpty()) {
      return Mismatch.of("has an empty resource part; expected " + likeliest(formats, "", hint).written());
    }
    List<ArnFormat> typed = matching(formats, resource);
    if (typed.isEmpty()) {
      typed = matching(fromEveryService(service), resource);
    }
    if (typed.isEmpty()) {
      return Mismatch.of(noType(service, formats, resource));
    }
    for (ArnFormat format : typed) {
      if (format.regionFits(fields[3]) && format.accountFits(fields[4])) {
        return Optional.empty();
      }
    }
    ArnFormat format = typed.get(0);
    String what = service + " " + format.type() + " ARNs";
    String wrong = format.regionFits(fields[3])
        ? accountProblem(format.account(), fields[4], what)
        : regionProblem(format.region(), fields[3], what);
    return Optional.of(new Mismatch(wrong + "; expected " + format.written(), true));
  }

  /**
   * What is wrong with an ARN.
   *
   * @param reason a phrase that follows the ARN in a message
   * @param regionOrAccount whether only the Region or account is wrong, and the ARN has its
   *     service's form otherwise
   */
  record Mismatch(String reason, boolean regionOrAccount) {

    static Optional<Mismatch> of(String reason) {
      return Optional.of(new Mismatch(reason, false));
    }
  }

  /**
   * What is wrong with {@code url}, a literal SQS queue URL, as a phrase that follows it in a
   * message; empty when it has the shape SQS gives queue URLs.
   */
  static Optional<String> queueUrlProblem(String url) {
    Matcher parts = QUEUE_URL.matcher(url);
    if (!parts.matches()) {
      return Optional.of("is not a queue URL, which SQS gives as " + QUEUE_URL_FORMAT
          + " (such as https://sqs.us-east-2.amazonaws.com/123456789012/MyQueue)");
    }
    String account = parts.group(2);
    if (!ACCOUNT.matcher(account).matches()) {
      return Optional.of(accountProblem("${Account}", account, "queue URLs") + "; expected " + QUEUE_URL_FORMAT);
    }
    String name = parts.group(3);
    if (!QUEUE_NAME.matcher(name).matches()) {
      return Optional.of("has the queue name '" + name + "', but a queue name has 1 to 80 letters, digits, - and _ "
          + "(a FIFO queue's ending in .fifo); expected " + QUEUE_URL_FORMAT);
    }
    return Optional.empty();
  }

  private static String regionProblem(String expected, String region, String what) {
    if (expected.isEmpty()) {
      return "has the region '" + region + "', but " + what + " have none";
    }
    if (!expected.startsWith("${")) {
      return "has the region '" + region + "', but " + what + " have '" + expected + "'";
    }
    return region.isEmpty()
        ? "has no region, but " + what + " have one (such as us-east-1)"
        : "has the region '" + region + "', which is no Region code (such as us-east-1)";
  }

  private static String accountProblem(String expected, String account, String what) {
    if (expected.isEmpty()) {
      return "has the account '" + account + "', but " + what + " have none";
    }
    if (!expected.startsWith("${")) {
      return "has the account '" + account + "', but " + what + " have '" + expected + "'";
    }
    return "has the account '" + account + "'" + (account.chars().allMatch(c -> c >= '0' && c <= '9')
        ? " (" + account.length() + (account.length() == 1 ? " digit)" : " digits)") : "") + ", but an account ID has 12 digits";
  }

  /** No format of the service fits the resource part: a type it lacks, or a type's wrong shape. */
  private static String noType(String service, List<ArnFormat> formats, String resource) {
    String keyword = ArnFormat.keyword(resource);
    for (ArnFormat format : formats) {
      if (!keyword.isEmpty() && format.keyword().equalsIgnoreCase(keyword)) {
        return "has the resource part '" + resource + "', which does not fit the " + service + " " + format.type()
            + " ARN; expected " + format.written();
      }
    }
    Map<String, ArnFormat> byKeyword = new LinkedHashMap<>();
    formats.stream().filter(format -> !format.keyword().isEmpty())
        .forEach(format -> byKeyword.putIfAbsent(format.keyword(), format));
    // A misspelt word, else a shortened one ("func" for "function").
    Optional<ArnFormat> nearest = Spelling.nearest(keyword, byKeyword.keySet()).map(byKeyword::get)
        .or(() -> keyword.length() < 2 ? Optional.empty() : byKeyword.values().stream()
            .filter(format -> format.keyword().toLowerCase(Locale.ROOT).startsWith(keyword.toLowerCase(Locale.ROOT)))
            .findFirst());
    return "names the resource type '" + keyword + "', which " + service + " does not have; "
        + nearest.map(format -> "did you mean " + format.written() + "?")
            .orElse("expected one of its " + formats.size() + " ARN formats, such as " + formats.get(0).written());
  }

  /**
   * The format an ARN with a field missing or wrong most likely meant: by the leading word of its
   * resource part, else by the field's name ({@code TableArn}: the table), else the shortest.
   */
  private static ArnFormat likeliest(List<ArnFormat> formats, String resource, String hint) {
    String keyword = ArnFormat.keyword(resource);
    for (ArnFormat format : formats) {
      if (format.keyword().equalsIgnoreCase(keyword)) {
        return format;
      }
    }
    String named = letters(hint.endsWith("Name") ? hint.substring(0, hint.length() - 4)
        : hint.endsWith("Arn") || hint.endsWith("ARN") ? hint.substring(0, hint.length() - 3) : hint);
    for (ArnFormat format : formats) {
      if (!named.isEmpty() && (letters(format.type()).equals(named) || letters(format.keyword()).equals(named))) {
        return format;
      }
    }
    return formats.get(0); // the shortest
  }

  private static String letters(String name) {
    StringBuilder letters = new StringBuilder();
    name.chars().filter(Character::isLetterOrDigit).forEach(c -> letters.append((char) Character.toLowerCase(c)));
    return letters.toString();
  }

  private static List<ArnFormat> matching(List<ArnFormat> formats, String resource) {
    List<ArnFormat> matching = new ArrayList<>();
    for (ArnFormat format : formats) {
      if (format.resource().matcher(resource).matches()) {
        matching.add(format);
      }
    }
    return matching;
  }

  private static List<ArnFormat> formatsOf(String service) {
    String key = service.toLowerCase(Locale.ROOT);
    return BY_PREFIX.computeIfAbsent(key, prefix -> {
      List<ArnFormat> formats = new ArrayList<>();
      for (IamResourceType type : IamCatalog.standard().resourceTypes(prefix)) {
        ArnFormat.addAll(type, prefix, formats);
      }
      for (IamResourceType type : NOT_IN_THE_CATALOGUE) {
        ArnFormat.addAll(type, prefix, formats);
      }
      // Shortest first: where several types share a leading word (DynamoDB's table, its backups,
      // indexes and streams), the plain type is the one a message shows.
      formats.sort(Comparator.comparingInt(format -> format.written().length()));
      return List.copyOf(formats);
    });
  }

  private static List<ArnFormat> fromEveryService(String service) {
    return EVERY_SERVICE.computeIfAbsent(service.toLowerCase(Locale.ROOT), arnService -> {
      List<ArnFormat> formats = new ArrayList<>();
      for (IamResourceType type : IamCatalog.standard().resourceTypesForArnService(arnService)) {
        ArnFormat.addAll(type, arnService, formats);
      }
      return List.copyOf(formats);
    });
  }

  /**
   * One ARN format of the catalogue, ready to match.
   *
   * @param written as the catalogue writes it, for messages
   * @param type the resource type's name ({@code topic})
   * @param region the format's Region field: empty, a placeholder, {@code *} or a literal Region
   * @param account the format's account field: empty, a placeholder, {@code *} or {@code aws}
   * @param resource the resource part as a pattern, each placeholder one or more characters
   * @param keyword the resource part's leading word ({@code function}); empty when it starts with a placeholder
   */
  private record ArnFormat(
      String written, String type, String region, String account, Pattern resource, String keyword) {

    /** Adds the type's formats whose service field is {@code service}. */
    static void addAll(IamResourceType type, String service, List<ArnFormat> formats) {
      for (String written : type.arnFormats()) {
        String[] fields = written.split(":", 6);
        if (fields.length == 6 && fields[2].equalsIgnoreCase(service)) {
          formats.add(new ArnFormat(written, type.name(), fields[3], fields[4], resourcePattern(fields[5]),
              keyword(fields[5])));
        }
      }
    }

    /**
     * A placeholder is one or more characters other than {@code :}, the last one any characters
     * (an S3 object key or a log group's {@code :*} may hold colons). A trailing {@code :${Qualifier}}
     * may be left out: ECS runs a task definition's latest revision when the ARN names none, and
     * Lambda its unqualified function. Literal words ignore case, so that only a word that is
     * really different is reported.
     */
    private static Pattern resourcePattern(String resource) {
      StringBuilder regex = new StringBuilder();
      Matcher placeholder = PLACEHOLDER.matcher(resource);
      int at = 0;
      while (placeholder.find()) {
        boolean last = placeholder.end() == resource.length();
        String literal = resource.substring(at, placeholder.start());
        if (last && at > 0 && literal.equals(":")) {
          regex.append("(?::.+)?"); // a qualifier right after a name: function:${FunctionName}:${Alias}
        } else {
          regex.append(literal(literal)).append(last ? ".+" : "[^:]+");
        }
        at = placeholder.end();
      }
      regex.append(literal(resource.substring(at)));
      return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }

    /** Fixed text of a format; a {@code *} in it (Health's {@code event/.../*}) stands for anything. */
    private static String literal(String text) {
      StringBuilder regex = new StringBuilder();
      int at = 0;
      for (int star = text.indexOf('*'); star >= 0; star = text.indexOf('*', at)) {
        if (star > at) {
          regex.append(Pattern.quote(text.substring(at, star)));
        }
        regex.append(".*");
        at = star + 1;
      }
      if (at < text.length()) {
        regex.append(Pattern.quote(text.substring(at)));
      }
      return regex.toString();
    }

    /** The leading word of a resource part: up to its first {@code :}, {@code /} or placeholder. */
    static String keyword(String resource) {
      int end = 0;
      while (end < resource.length() && ":/$".indexOf(resource.charAt(end)) < 0) {
        end++;
      }
      return resource.substring(0, end);
    }

    boolean regionFits(String value) {
      return fits(region, value, REGION);
    }

    boolean accountFits(String value) {
      // AWS's own resources write "aws" (arn:aws:iam::aws:policy/ReadOnlyAccess) or nothing
      // (arn:aws:ssm:us-east-1::document/AWS-RunPatchBaseline; SSM's document ARN pattern makes
      // the account optional: ([0-9]{12})?,
      // https://docs.aws.amazon.com/arc-region-switch/latest/api/API_SsmDocumentConfig.html)
      // where the type's format has an account.
      return fits(account, value, ACCOUNT) || account.startsWith("${") && (value.equals("aws") || value.isEmpty());
    }

    private static boolean fits(String expected, String value, Pattern shape) {
      if (expected.equals("*")) {
        return true;
      }
      if (expected.startsWith("${")) {
        return shape.matcher(value).matches();
      }
      return expected.equalsIgnoreCase(value);
    }
  }
}
