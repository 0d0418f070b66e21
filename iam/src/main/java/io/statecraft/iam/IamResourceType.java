package io.statecraft.iam;

import java.util.List;
import java.util.Objects;

/**
 * A resource type of one service, as AWS's Service Authorization Reference defines it.
 *
 * @param servicePrefix the service prefix whose actions name this type, such as {@code ec2}
 * @param name the type's name exactly as AWS spells it, such as {@code instance}
 * @param arnFormats the type's ARN formats exactly as AWS writes them, with placeholders such as
 *     {@code arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}}; most types have
 *     one, a few (some API Gateway, Greengrass and Lex types) have two. {@link
 *     ArnFormats#toFnSub(String)} turns one into a CloudFormation {@code Fn::Sub} string.
 * @param conditionKeys condition keys that apply to resources of this type, sorted
 */
public record IamResourceType(
    String servicePrefix, String name, List<String> arnFormats, List<String> conditionKeys) {

  public IamResourceType {
    Objects.requireNonNull(servicePrefix, "servicePrefix == null");
    Objects.requireNonNull(name, "name == null");
    arnFormats = List.copyOf(arnFormats);
    conditionKeys = List.copyOf(conditionKeys);
  }
}
