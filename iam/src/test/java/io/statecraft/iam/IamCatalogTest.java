package io.statecraft.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Facts from AWS's Service Authorization Reference, written out by hand from the reference, so
 * that a regeneration from a newer package that loses or renames one of them fails here.
 */
class IamCatalogTest {

  private final IamCatalog catalog = IamCatalog.standard();

  @Test
  void isTheShippedSourceVersion() {
    assertThat(catalog.sourceVersion()).isEqualTo("0.21.202609261");
    assertThat(IamCatalog.standard()).isSameAs(catalog);
  }

  @Test
  void everyServiceOfTheShippedCatalogReads() {
    // Services are read on first use; this reads them all, so a broken entry fails here, not in
    // a user's build.
    int actions = 0;
    for (String prefix : catalog.servicePrefixes()) {
      actions += catalog.actions(prefix).size();
    }
    assertThat(catalog.servicePrefixes()).hasSizeGreaterThan(400);
    assertThat(actions).isGreaterThan(15_000);
  }

  @Test
  void stepFunctionsHttpTaskActionIsUnderStates() {
    IamAction action = catalog.action("states", "InvokeHTTPEndpoint").orElseThrow();
    assertThat(action.servicePrefix()).isEqualTo("states");
    assertThat(action.name()).isEqualTo("InvokeHTTPEndpoint");
    assertThat(action.qualifiedName()).isEqualTo("states:InvokeHTTPEndpoint");
    assertThat(catalog.hasService("states")).isTrue();
    assertThat(catalog.serviceName("states")).contains("AWS Step Functions");
  }

  @Test
  void s3ListAllMyBucketsExistsAndListBucketsDoesNot() {
    IamAction action = catalog.action("s3:ListAllMyBuckets").orElseThrow();
    assertThat(action.qualifiedName()).isEqualTo("s3:ListAllMyBuckets");
    assertThat(action.accessLevel()).isEqualTo(IamAccessLevel.LIST);
    assertThat(action.supportsResourceLevelPermissions()).isFalse();
    assertThat(catalog.action("s3:ListBuckets")).isEmpty();
    assertThat(catalog.action("s3", "ListBuckets")).isEmpty();
  }

  @Test
  void actionsWithoutResourceLevelPermissions() {
    for (String name : List.of(
        "logs:CreateLogDelivery", "ec2:DescribeInstances", "cloudtrail:LookupEvents")) {
      IamAction action = catalog.action(name).orElseThrow();
      assertThat(action.supportsResourceLevelPermissions()).as(name).isFalse();
      assertThat(action.resourceTypes()).as(name).isEmpty();
      assertThat(catalog.resourceTypes(action)).as(name).isEmpty();
    }
  }

  @Test
  void ec2StartInstancesActsOnInstanceWithItsArnFormat() {
    IamAction action = catalog.action("ec2:StartInstances").orElseThrow();
    assertThat(action.supportsResourceLevelPermissions()).isTrue();
    assertThat(action.accessLevel()).isEqualTo(IamAccessLevel.WRITE);
    IamActionResource instance = action.resourceTypes().stream()
        .filter(r -> r.name().equals("instance")).findFirst().orElseThrow();
    assertThat(instance.required()).isTrue();
    assertThat(instance.conditionKeys()).contains("aws:ResourceTag/${TagKey}", "ec2:InstanceType");

    IamResourceType type = catalog.resourceType("ec2", "instance").orElseThrow();
    assertThat(type.servicePrefix()).isEqualTo("ec2");
    assertThat(type.name()).isEqualTo("instance");
    assertThat(type.arnFormats())
        .containsExactly("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}");
    assertThat(type.conditionKeys()).contains("aws:ResourceTag/${TagKey}", "ec2:InstanceType");
    assertThat(catalog.resourceTypes(action)).contains(type);
  }

  @Test
  void resourceTypesOfCommonIntegrations() {
    assertThat(resourceTypeNames("iam:DeleteAccessKey")).containsExactly("user");
    assertThat(resourceTypeNames("sns:Publish")).containsExactly("topic");
    assertThat(resourceTypeNames("ssm:SendCommand")).contains("document", "instance");
    assertThat(resourceTypeNames("events:RetrieveConnectionCredentials"))
        .containsExactly("connection");
    assertThat(catalog.resourceType("iam", "user").orElseThrow().arnFormats())
        .containsExactly("arn:${Partition}:iam::${Account}:user/${UserNameWithPath}");
    assertThat(catalog.resourceType("sns", "topic").orElseThrow().arnFormats())
        .containsExactly("arn:${Partition}:sns:${Region}:${Account}:${TopicName}");
  }

  @Test
  void ssmSendCommandRequiresOnlyTheDocument() {
    IamAction action = catalog.action("ssm:SendCommand").orElseThrow();
    assertThat(action.resourceTypes())
        .filteredOn(IamActionResource::required)
        .extracting(IamActionResource::name)
        .containsExactly("document");
  }

  @Test
  void lookupIgnoresCaseAndReturnsAwsSpelling() {
    IamAction action = catalog.action("STATES:startexecution").orElseThrow();
    assertThat(action.name()).isEqualTo("StartExecution");
    assertThat(action.servicePrefix()).isEqualTo("states");
    assertThat(action.qualifiedName()).isEqualTo("states:StartExecution");
    assertThat(catalog.action("States", "STARTEXECUTION")).contains(action);
    assertThat(catalog.hasService("EC2")).isTrue();
    assertThat(catalog.resourceType("EC2", "Instance").orElseThrow().name()).isEqualTo("instance");
    assertThat(catalog.resourceType("states", "STATEMACHINE").orElseThrow().name())
        .isEqualTo("statemachine");
  }

  @Test
  void unknownServiceOrActionIsEmpty() {
    assertThat(catalog.hasService("nosuchservice")).isFalse();
    assertThat(catalog.serviceName("nosuchservice")).isEmpty();
    assertThat(catalog.action("nosuchservice", "StartExecution")).isEmpty();
    assertThat(catalog.action("states", "NoSuchAction")).isEmpty();
    assertThat(catalog.action("nosuchservice:NoSuchAction")).isEmpty();
    assertThat(catalog.actions("nosuchservice")).isEmpty();
    assertThat(catalog.resourceType("nosuchservice", "instance")).isEmpty();
    assertThat(catalog.resourceType("ec2", "nosuchtype")).isEmpty();
    assertThat(catalog.resourceTypes("nosuchservice")).isEmpty();
  }

  @Test
  void resourceTypesOfAnArnServiceFromEveryService() {
    // IAM's own role, and the ARNs of IAM that other services write (STS's root user, ...).
    assertThat(catalog.resourceTypesForArnService("IAM"))
        .extracting(type -> type.servicePrefix() + " " + type.name())
        .contains("iam role", "iam user", "sts root-user", "codestar user")
        .doesNotContain("s3 bucket");
    assertThat(catalog.resourceTypesForArnService("sns")).extracting(IamResourceType::name).contains("topic");
    assertThat(catalog.resourceTypesForArnService("nosuchservice")).isEmpty();
  }

  @Test
  void theIndexByArnServiceReadsTheSameTypesAsReadingEachService() {
    // The index reads resource types without the actions before them (found from the end of each
    // service's JSON); a fresh catalog, so that no service has been read in full first.
    IamCatalog fresh = IamCatalog.loadStandard();
    Map<String, List<IamResourceType>> expected = new TreeMap<>();
    for (String prefix : catalog.servicePrefixes()) {
      for (IamResourceType type : catalog.resourceTypes(prefix)) {
        type.arnFormats().stream().map(format -> format.split(":", 4)).filter(fields -> fields.length == 4)
            .map(fields -> fields[2].toLowerCase(Locale.ROOT)).distinct()
            .forEach(arnService -> expected.computeIfAbsent(arnService, s -> new ArrayList<>()).add(type));
      }
    }
    assertThat(expected).hasSizeGreaterThan(300);
    expected.forEach((arnService, types) ->
        assertThat(fresh.resourceTypesForArnService(arnService)).as(arnService).isEqualTo(types));
  }

  @Test
  void everyResourceTypeOfOneService() {
    assertThat(catalog.resourceTypes("SNS")).extracting(IamResourceType::name).containsExactly("topic");
    assertThat(catalog.resourceTypes("lambda")).extracting(IamResourceType::name)
        .contains("function", "function alias", "function version", "layer")
        .isSortedAccordingTo(String.CASE_INSENSITIVE_ORDER);
  }

  @Test
  void malformedQualifiedNamesAreEmpty() {
    assertThat(catalog.action("states")).isEmpty();
    assertThat(catalog.action(":StartExecution")).isEmpty();
    assertThat(catalog.action("states:")).isEmpty();
    assertThat(catalog.action("s3:Get*")).isEmpty();
    assertThat(catalog.action("*")).isEmpty();
  }

  @Test
  void taggingAndPermissionsManagementAreAlsoWrites() {
    IamAction tag = catalog.action("sns:TagResource").orElseThrow();
    assertThat(tag.accessLevel()).isEqualTo(IamAccessLevel.TAGGING);
    assertThat(tag.accessLevels()).containsExactly(IamAccessLevel.WRITE, IamAccessLevel.TAGGING);

    IamAction policy = catalog.action("s3:PutBucketPolicy").orElseThrow();
    assertThat(policy.accessLevel()).isEqualTo(IamAccessLevel.PERMISSIONS_MANAGEMENT);
    assertThat(catalog.action("s3:GetObject").orElseThrow().accessLevels())
        .containsExactly(IamAccessLevel.READ);
  }

  @Test
  void typesWithTwoArnFormatsHaveBoth() {
    assertThat(catalog.resourceType("apigateway", "Stage").orElseThrow().arnFormats())
        .containsExactly(
            "arn:${Partition}:apigateway:${Region}::/apis/${ApiId}/stages/${StageName}",
            "arn:${Partition}:apigateway:${Region}::/restapis/${RestApiId}/stages/${StageName}");
  }

  @Test
  void actionConditionKeysAreKept() {
    assertThat(catalog.action("states:StartExecution").orElseThrow().conditionKeys())
        .containsExactly("states:StateMachineQualifier");
    assertThat(catalog.action("s3:ListAllMyBuckets").orElseThrow().conditionKeys())
        .contains("s3:ResourceAccount", "s3:TlsVersion");
  }

  @Test
  void everyActionResourceTypeResolves() {
    int actions = 0;
    for (String prefix : catalog.servicePrefixes()) {
      for (IamAction action : catalog.actions(prefix)) {
        actions++;
        assertThat(catalog.resourceTypes(action)).extracting(IamResourceType::name)
            .as(action.qualifiedName())
            .containsExactlyInAnyOrderElementsOf(
                action.resourceTypes().stream().map(IamActionResource::name).distinct().toList());
      }
    }
    // Loose bounds: the reference grows with every release, but never halves.
    assertThat(catalog.servicePrefixes()).hasSizeGreaterThan(400).contains("states", "s3", "ec2");
    assertThat(actions).isGreaterThan(20_000);
    assertThat(catalog.servicePrefixes()).isSorted();
  }

  @Test
  void rejectsAnotherFormat() {
    assertThatThrownBy(() -> read("{\"format\":2,\"services\":{},\"source\":{\"version\":\"x\"}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("IAM catalog: format 2, but this Statecraft reads format 1; "
            + "regenerate it with scripts/iam-data/generate.mjs");
  }

  @Test
  void rejectsAnUnknownAccessLevel() {
    assertThatThrownBy(() -> read(
            "{\"format\":1,\"source\":{\"version\":\"x\"},\"services\":{\"x\":{\"name\":\"X\","
                + "\"actions\":{\"Do\":{\"access\":\"Delete\"}},\"resourceTypes\":{}}}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("IAM catalog /services/x/actions/Do/access: unknown access level Delete");
  }

  @Test
  void rejectsAnActionNamingAMissingResourceType() {
    assertThatThrownBy(() -> read(
            "{\"format\":1,\"source\":{\"version\":\"x\"},\"services\":{\"x\":{\"name\":\"X\","
                + "\"actions\":{\"Do\":{\"access\":\"Write\","
                + "\"resourceTypes\":[{\"name\":\"thing\"}]}},"
                + "\"resourceTypes\":{}}}}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("IAM catalog /services/x/actions/Do: names resource type thing, which x lacks");
  }

  @Test
  void namesWhereAServiceIsMalformed() {
    // Services are read straight from the token stream; each message still points at the value.
    String header = "{\"format\":1,\"source\":{\"version\":\"x\"},\"services\":{\"x\":";
    assertThatThrownBy(() -> read(header + "{\"actions\":{}}}}"))
        .hasMessage("IAM catalog /services/x/name: not a string");
    assertThatThrownBy(() -> read(header + "{\"name\":\"X\",\"actions\":{\"Do\":{}}}}}"))
        .hasMessage("IAM catalog /services/x/actions/Do/access: not a string");
    assertThatThrownBy(() -> read(header + "{\"name\":\"X\",\"actions\":{\"Do\":{\"access\":"
            + "\"Write\",\"resourceTypes\":[{\"name\":\"t\",\"conditionKeys\":[1]}]}}}}}"))
        .hasMessage(
            "IAM catalog /services/x/actions/Do/resourceTypes/0/conditionKeys/0: not a string");
    assertThatThrownBy(() -> read(
            header + "{\"name\":\"X\",\"resourceTypes\":{\"t\":{\"arns\":\"a\"}}}}}"))
        .hasMessage("IAM catalog /services/x/resourceTypes/t/arns: not an array");
    assertThatThrownBy(() -> read("{\"format\":1,\"services\":{},\"source\":{\"version\":3}}"))
        .hasMessage("IAM catalog /source/version: not a string");
  }

  @Test
  void readsTheSmallestCatalog() throws Exception {
    IamCatalog small = read(
        "{\"format\":1,\"source\":{\"version\":\"1.2.3\"},\"services\":{\"x\":{\"name\":\"X\","
            + "\"actions\":{\"Do\":{\"access\":\"Tagging, Write\",\"resourceTypes\":"
            + "[{\"name\":\"Thing\",\"required\":true}]}},"
            + "\"resourceTypes\":{\"Thing\":{\"arns\":[\"arn:${Partition}:x:::thing/${Id}\"]}}}}}");
    assertThat(small.sourceVersion()).isEqualTo("1.2.3");
    assertThat(small.action("X:do")).contains(new IamAction(
        "x",
        "Do",
        Set.of(IamAccessLevel.WRITE, IamAccessLevel.TAGGING),
        List.of(new IamActionResource("Thing", true, List.of(), List.of())),
        List.of(),
        List.of()));
    assertThat(small.resourceType("x", "thing")).contains(new IamResourceType(
        "x", "Thing", List.of("arn:${Partition}:x:::thing/${Id}"), List.of()));
  }

  private List<String> resourceTypeNames(String qualifiedName) {
    return catalog.action(qualifiedName).orElseThrow().resourceTypes().stream()
        .map(IamActionResource::name).toList();
  }

  private static IamCatalog read(String json) throws Exception {
    return IamCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }
}
