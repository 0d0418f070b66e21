package io.statecraft.dsl.workflow;

import io.statecraft.dsl.IamStatement;
import io.statecraft.dsl.Placeholder;
import java.util.ArrayList;
import java.util.List;

/**
 * A DynamoDB table: created by the stack (on demand, point-in-time recovery on), or an existing one
 * by ARN, whose name the template derives from it. Use {@link #name()} as {@code TableName}.
 */
public final class DynamoDbTable extends StackResource {

  private final List<List<String>> keys = new ArrayList<>();

  private DynamoDbTable(String logicalId, Parameter existingArn) {
    super(logicalId, existingArn);
  }

  /**
   * A DynamoDB table the stack creates, with the logical id {@code logicalId} in the template
   * (which also names the parameters and outputs derived from it). List it in the workflow's {@code
   * resources(...)}.
   */
  public static DynamoDbTable named(String logicalId) {
    return new DynamoDbTable(logicalId, null);
  }

  /**
   * A DynamoDB table that exists already, given at deploy time by the ARN in the stack parameter
   * {@code tableArn}: the stack does not create it, and the statements of the execution role are
   * scoped to that ARN. Its logical id is the parameter's name.
   */
  public static DynamoDbTable existing(Parameter tableArn) {
    return new DynamoDbTable(required(tableArn).name(), tableArn);
  }

  /** A key of a created table, type {@code S}, {@code N} or {@code B}: first the partition key, then the sort key. */
  public DynamoDbTable key(String name, String type) {
    keys.add(List.of(name, type));
    return this;
  }

  /** The keys, each its name and type. */
  public List<List<String>> keys() {
    return List.copyOf(keys);
  }

  /** The table's name in the definition: {@code ${<Base>Name}}. */
  public Placeholder name() {
    return placeholder("Name");
  }

  /** {@code GetItem}, {@code BatchGetItem}, {@code Query}, {@code Scan} on the table (an index is {@code policyArn() + "/index/<Name>"}). */
  public List<IamStatement> readStatements() {
    return List.of(IamStatement.allow(
        List.of("dynamodb:BatchGetItem", "dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan"), List.of(policyArn())));
  }

  /** {@code PutItem}, {@code UpdateItem}, {@code DeleteItem} and {@code BatchWriteItem} on the table. */
  public List<IamStatement> writeStatements() {
    return List.of(IamStatement.allow(
        List.of("dynamodb:BatchWriteItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:UpdateItem"),
        List.of(policyArn())));
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.table(this);
  }
}
