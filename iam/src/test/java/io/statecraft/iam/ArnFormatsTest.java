package io.statecraft.iam;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArnFormatsTest {

  @Test
  void replacesPartitionRegionAndAccountWithPseudoParameters() {
    String arn =
        ArnFormats.toFnSub("arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}");
    assertThat(arn).isEqualTo(
        "arn:${AWS::Partition}:ec2:${AWS::Region}:${AWS::AccountId}:instance/${InstanceId}");
    assertThat(ArnFormats.placeholders(arn)).containsExactly("InstanceId");
  }

  @Test
  void keepsGlobalServicesEmptyRegion() {
    assertThat(ArnFormats.toFnSub("arn:${Partition}:iam::${Account}:user/${UserNameWithPath}"))
        .isEqualTo("arn:${AWS::Partition}:iam::${AWS::AccountId}:user/${UserNameWithPath}");
    assertThat(ArnFormats.toFnSub("arn:${Partition}:s3:::${BucketName}/${ObjectName}"))
        .isEqualTo("arn:${AWS::Partition}:s3:::${BucketName}/${ObjectName}");
  }

  @Test
  void leavesAccountIdAndWildcardsToTheCaller() {
    String arn = ArnFormats.toFnSub(
        "arn:${Partition}:organizations::${Account}:account/o-${OrganizationId}/${AccountId}");
    assertThat(arn).isEqualTo("arn:${AWS::Partition}:organizations::${AWS::AccountId}"
        + ":account/o-${OrganizationId}/${AccountId}");
    assertThat(ArnFormats.placeholders(arn)).containsExactly("OrganizationId", "AccountId");
    assertThat(ArnFormats.toFnSub("arn:${Partition}:braket:*:*:device/${DeviceType}"))
        .isEqualTo("arn:${AWS::Partition}:braket:*:*:device/${DeviceType}");
  }

  @Test
  void placeholdersOfARawFormatAreTheSameAsOfItsFnSub() {
    String raw = "arn:${Partition}:states:${Region}:${Account}:stateMachine:${StateMachineName}";
    assertThat(ArnFormats.placeholders(raw)).containsExactly("StateMachineName");
    assertThat(ArnFormats.placeholders(ArnFormats.toFnSub(raw)))
        .containsExactly("StateMachineName");
  }

  @Test
  void placeholdersAreListedOnceInOrderAndSkipFnSubEscapes() {
    assertThat(ArnFormats.placeholders("arn:${Partition}:x:::${B}/${A}/${B}/${!Literal}"))
        .containsExactly("B", "A");
    assertThat(ArnFormats.placeholders("arn:aws:s3:::fixed-bucket")).isEmpty();
  }

  @Test
  void everyArnFormatInTheCatalogConvertsToARegionAndAccountFreeString() {
    IamCatalog catalog = IamCatalog.standard();
    for (String prefix : catalog.servicePrefixes()) {
      catalog.actions(prefix).stream()
          .flatMap(a -> catalog.resourceTypes(a).stream())
          .flatMap(t -> t.arnFormats().stream())
          .map(ArnFormats::toFnSub)
          .forEach(arn -> {
            assertThat(arn).as(arn).startsWith("arn:${AWS::Partition}:")
                .doesNotContain("${Partition}", "${Region}", "${Account}");
            assertThat(ArnFormats.placeholders(arn)).as(arn)
                .doesNotContain("Partition", "Region", "Account");
          });
    }
  }
}
