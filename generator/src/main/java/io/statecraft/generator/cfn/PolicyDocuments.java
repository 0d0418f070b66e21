package io.statecraft.generator.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.statecraft.asl.ProblemCode;
import io.statecraft.asl.Problems;
import io.statecraft.asl.Spelling;
import io.statecraft.dsl.IamStatement;
import io.statecraft.asl.Problem;
import io.statecraft.iam.IamAction;
import io.statecraft.iam.IamCatalog;
import io.statecraft.asl.json.JsonPointers;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the statements a workflow's parts declare into one policy document, the CDK way: each
 * action spelt as AWS spells it (checked against the {@link IamCatalog}), statements on the same
 * resources and conditions merged, actions that support no resource-level permission moved to a
 * {@code "Resource": "*"} statement of their own whose reason is recorded, and the output sorted
 * so that the same workflow always gives the same policy.
 */
final class PolicyDocuments {

  /** A policy document and the reason of each of its {@code *} statements, by Sid. */
  record Document(ObjectNode json, Map<String, String> wildcardReasons) {}

  private record Key(List<String> resources, Map<String, Map<String, List<String>>> conditions, String reason) {
    // Written out: a record's own equals and hashCode are linked through ObjectMethods on first
    // call, tens of milliseconds in the cold JVM of a fresh generate (issue 19).
    @Override
    public boolean equals(Object other) {
      return other instanceof Key that
          && resources.equals(that.resources)
          && conditions.equals(that.conditions)
          && Objects.equals(reason, that.reason);
    }

    @Override
    public int hashCode() {
      return Objects.hash(resources, conditions, reason);
    }
  }

  private record Unknown(String action, String suggestion, Grant grant) {}

  // Plain loops, no lambdas or streams: this runs once per cold JVM on every generate, where each
  // lambda is a class spun at run time (issue 19, bench/RESULTS.md).
  private static final Comparator<Map.Entry<Key, TreeSet<String>>> STATEMENT_ORDER = new StatementOrder();

  /** Scoped statements first, by resources then actions; then the * statements, by reason. */
  private static final class StatementOrder implements Comparator<Map.Entry<Key, TreeSet<String>>> {
    @Override
    public int compare(Map.Entry<Key, TreeSet<String>> a, Map.Entry<Key, TreeSet<String>> b) {
      int order = Boolean.compare(a.getKey().reason() != null, b.getKey().reason() != null);
      if (order == 0) {
        order = String.join(",", a.getKey().resources()).compareTo(String.join(",", b.getKey().resources()));
      }
      if (order == 0) {
        order = String.join(",", a.getValue()).compareTo(String.join(",", b.getValue()));
      }
      if (order == 0) {
        order = String.valueOf(a.getKey().conditions()).compareTo(String.valueOf(b.getKey().conditions()));
      }
      if (order == 0) {
        order = String.valueOf(a.getKey().reason()).compareTo(String.valueOf(b.getKey().reason()));
      }
      return order;
    }
  }

  // The Service Authorization Reference lists these without a resource type, yet the service's
  // own guide grants them on a resource and evaluates them there: states:InvokeHTTPEndpoint on the
  // calling state machine (Step Functions Developer Guide, "Call HTTPS APIs", IAM permissions).
  private static final Set<String> SCOPED_AS_DOCUMENTED = Set.of("states:InvokeHTTPEndpoint");

  private final IamCatalog catalog;
  private final Map<String, String> aliases;
  private final Map<String, JsonNode> placeholderValues;

  /**
   * @param aliases how placeholders of the definition that IAM statements may name are written in
   *     {@code Fn::Sub}: {@code TeamsConnectionArn -> TeamsConnection.Arn}
   * @param placeholderValues what fills in each placeholder, for parts derived from one
   */
  PolicyDocuments(IamCatalog catalog, Map<String, String> aliases, Map<String, JsonNode> placeholderValues) {
    this.catalog = catalog;
    this.aliases = aliases;
    this.placeholderValues = placeholderValues;
  }

  /**
   * The document granting {@code grants}; problems (unknown actions) are added to
   * {@code problems} with pointers under {@code pointer}, the document's {@code Statement} array.
   */
  Document build(List<Grant> grants, String pointer, Problems problems) {
    Map<Key, TreeSet<String>> merged = new LinkedHashMap<>();
    Map<Key, String> sids = new LinkedHashMap<>();
    List<Unknown> unknown = new ArrayList<>();
    for (Grant grant : grants) {
      IamStatement statement = grant.statement();
      List<String> resources = List.copyOf(resolvedResources(statement.resources()));
      Map<String, Map<String, List<String>>> conditions = sortedConditions(statement.conditions());
      for (String declared : statement.actions()) {
        Optional<IamAction> known = catalog.action(declared);
        String action = known.isPresent() ? known.get().qualifiedName() : declared;
        if (known.isEmpty()) {
          unknown.add(new Unknown(declared, suggestion(declared), grant));
        }
        Key key;
        if (statement.isOnAnyResource()) {
          key = new Key(List.of("*"), conditions, statement.reason());
        } else if (known.isPresent() && !known.get().supportsResourceLevelPermissions()
            && !SCOPED_AS_DOCUMENTED.contains(action)) {
          key = new Key(List.of("*"), conditions, action + " supports no resource-level permissions, "
              + "so it can only be granted on * (AWS Service Authorization Reference)");
        } else {
          // A statement that says why it is as broad as it is (a whole bucket, say) keeps its
          // reason, which the template lists under Statecraft::IamWildcards like a * statement's.
          key = new Key(resources, conditions, statement.reason());
        }
        TreeSet<String> actions = merged.get(key);
        if (actions == null) {
          actions = new TreeSet<>();
          merged.put(key, actions);
        }
        actions.add(action);
        if (grant.sid() != null) {
          sids.putIfAbsent(key, grant.sid());
        }
      }
    }
    // Then statements granting the same actions under the same conditions become one, on all
    // their resources: "X on R1" and "X on R2" grant exactly what "X on R1 and R2" does.
    Map<List<Object>, Key> byActions = new LinkedHashMap<>();
    Map<Key, TreeSet<String>> regrouped = new LinkedHashMap<>();
    for (Map.Entry<Key, TreeSet<String>> entry : merged.entrySet()) {
      Key key = entry.getKey();
      if (key.reason() != null) {
        regrouped.put(key, entry.getValue());
        continue;
      }
      List<Object> sameGrant = List.of(List.copyOf(entry.getValue()), key.conditions());
      Key earlier = byActions.get(sameGrant);
      if (earlier == null) {
        byActions.put(sameGrant, key);
        regrouped.put(key, entry.getValue());
      } else {
        TreeSet<String> resources = new TreeSet<>(earlier.resources());
        resources.addAll(key.resources());
        Key union = new Key(List.copyOf(resources), key.conditions(), null);
        regrouped.remove(earlier);
        regrouped.put(union, entry.getValue());
        byActions.put(sameGrant, union);
        sids.remove(earlier);
      }
    }
    List<Map.Entry<Key, TreeSet<String>>> entries = new ArrayList<>(regrouped.entrySet());
    entries.sort(STATEMENT_ORDER);
    // Same resources and conditions but different reasons: keep one * statement per reason.
    ObjectNode document = TemplateJson.NODES.objectNode();
    document.put("Version", "2012-10-17");
    ArrayNode array = document.putArray("Statement");
    Map<String, String> reasons = new TreeMap<>();
    List<List<String>> actionsByIndex = new ArrayList<>();
    for (Map.Entry<Key, TreeSet<String>> entry : entries) {
      Key key = entry.getKey();
      ObjectNode node = array.addObject();
      if (key.reason() != null) {
        String sid = uniqueSid(sids.getOrDefault(key, sidFor(entry.getValue().first())), reasons);
        node.put("Sid", sid);
        reasons.put(sid, key.reason());
      }
      node.put("Effect", "Allow");
      ArrayNode actions = node.putArray("Action");
      for (String action : entry.getValue()) {
        actions.add(action);
      }
      actionsByIndex.add(List.copyOf(entry.getValue()));
      ArrayNode resources = node.putArray("Resource");
      for (String resource : key.resources()) {
        resources.add(TemplateJson.subWithParts(resource, placeholderValues));
      }
      if (!key.conditions().isEmpty()) {
        ObjectNode condition = node.putObject("Condition");
        for (Map.Entry<String, Map<String, List<String>>> operator : key.conditions().entrySet()) {
          ObjectNode operatorNode = condition.putObject(operator.getKey());
          for (Map.Entry<String, List<String>> keys : operator.getValue().entrySet()) {
            ArrayNode valueArray = operatorNode.putArray(keys.getKey());
            for (String value : keys.getValue()) {
              valueArray.add(TemplateJson.subWithParts(resolve(value), placeholderValues));
            }
          }
        }
      }
    }
    for (Unknown miss : unknown) {
      String where = pointer;
      for (int i = 0; i < actionsByIndex.size(); i++) {
        int index = actionsByIndex.get(i).indexOf(miss.action());
        if (index >= 0) {
          where = JsonPointers.child(JsonPointers.child(JsonPointers.child(pointer, i), "Action"), index);
          break;
        }
      }
      problems.add(Problem.error(ProblemCode.UNKNOWN_IAM_ACTION, where, "IAM action '" + miss.action()
          + "' (declared for " + miss.grant().origin() + ") is not in the AWS Service Authorization Reference"
          + miss.suggestion()).at(miss.grant().source()));
    }
    return new Document(document, reasons);
  }

  private String resolve(String text) {
    return TemplateJson.resolve(text, aliases);
  }

  /** The resources resolved, sorted, each once. */
  private TreeSet<String> resolvedResources(List<String> resources) {
    TreeSet<String> resolved = new TreeSet<>();
    for (String resource : resources) {
      resolved.add(resolve(resource));
    }
    return resolved;
  }

  private static Map<String, Map<String, List<String>>> sortedConditions(Map<String, Map<String, List<String>>> conditions) {
    Map<String, Map<String, List<String>>> sorted = new TreeMap<>();
    for (Map.Entry<String, Map<String, List<String>>> operator : conditions.entrySet()) {
      sorted.put(operator.getKey(), new TreeMap<>(operator.getValue()));
    }
    return sorted;
  }

  // API operations whose IAM action has another name, and service names that are not IAM prefixes:
  // the mistakes the nearest spelling would answer wrongly.
  private static final Map<String, String> RENAMED_ACTIONS = Map.of(
      "s3:listbuckets", "s3:ListAllMyBuckets",
      "s3:listobjects", "s3:ListBucket",
      "s3:listobjectsv2", "s3:ListBucket",
      "s3:headobject", "s3:GetObject",
      "s3:headbucket", "s3:ListBucket",
      "s3:deleteobjects", "s3:DeleteObject");
  private static final Map<String, String> RENAMED_PREFIXES = Map.of(
      "sfn", "states", "stepfunctions", "states", "cloudwatchlogs", "logs", "eventbridge", "events",
      "scheduler", "scheduler", "secretmanager", "secretsmanager", "systemsmanager", "ssm");

  /** "; did you mean 's3:ListAllMyBuckets'?" for the nearest known name, or a hint on the prefix. */
  private String suggestion(String action) {
    int colon = action.indexOf(':');
    String prefix = colon < 0 ? action : action.substring(0, colon);
    String name = colon < 0 ? "" : action.substring(colon + 1);
    String renamed = RENAMED_ACTIONS.get(action.toLowerCase(Locale.ROOT));
    if (renamed != null) {
      return "; the IAM action for that API is '" + renamed + "'";
    }
    String service = RENAMED_PREFIXES.get(prefix.toLowerCase(Locale.ROOT));
    if (service != null && !catalog.hasService(prefix)) {
      Optional<IamAction> same = catalog.action(service, name);
      return "; the IAM prefix of that service is '" + service + "'"
          + (same.isPresent() ? ", so write '" + same.get().qualifiedName() + "'" : "");
    }
    if (!catalog.hasService(prefix)) {
      String nearest = nearest(prefix, catalog.servicePrefixes());
      return nearest == null
          ? "; '" + prefix + "' is no service prefix"
          : "; '" + prefix + "' is no service prefix, did you mean '" + nearest + "'?";
    }
    List<String> names = new ArrayList<>();
    for (IamAction known : catalog.actions(prefix)) {
      names.add(known.name());
    }
    String nearest = nearest(name, names);
    if (nearest == null) {
      return "; check the action's name in the service's reference";
    }
    Optional<IamAction> suggested = catalog.action(prefix, nearest);
    return "; did you mean '" + (suggested.isPresent() ? suggested.get().qualifiedName() : nearest) + "'?";
  }

  private static String nearest(String wrong, List<String> candidates) {
    return Spelling.nearest(wrong, candidates).orElse(null);
  }

  private static String sidFor(String action) {
    StringBuilder sid = new StringBuilder();
    boolean upper = true;
    for (char c : action.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        sid.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = true;
      }
    }
    return sid.toString();
  }

  private static String uniqueSid(String base, Map<String, String> taken) {
    String sid = base;
    for (int i = 2; taken.containsKey(sid); i++) {
      sid = base + i;
    }
    return sid;
  }
}
