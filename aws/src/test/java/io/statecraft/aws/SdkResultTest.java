package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statecraft.dsl.Path;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceState;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ssm.model.SendCommandRequest;
import software.amazon.awssdk.services.ssm.model.SendCommandResponse;
import software.amazon.awssdk.services.ssm.model.Command;

/** Typed paths into a call's result. */
class SdkResultTest {

  private final SdkCall describe = AwsSdk.call(DescribeInstancesRequest.builder().build());

  @Test
  void gettersOfTheResponseClassesGiveJsonPathAndJsonata() {
    SdkResult<String> ids = describe.result(DescribeInstancesResponse.class)
        .each(DescribeInstancesResponse::reservations)
        .each(Reservation::instances)
        .get(Instance::instanceId);

    assertThat(ids.memberPath()).isEqualTo("Reservations[*].Instances[*].InstanceId");
    assertThat(ids.path()).isEqualTo(Path.of("$.Reservations[*].Instances[*].InstanceId"));
    assertThat(ids.pathFrom(Path.input().field("described")))
        .isEqualTo(Path.of("$.described.Reservations[*].Instances[*].InstanceId"));
    assertThat(ids.jsonata().render()).isEqualTo("{% $states.result.Reservations.Instances.InstanceId[] %}");
    assertThat(ids.jsonataFrom("$described").render()).isEqualTo("{% $described.Reservations.Instances.InstanceId[] %}");
  }

  @Test
  void enumGettersNestedStructuresAndIndexesWork() {
    SdkResult<?> state = describe.result(DescribeInstancesResponse.class)
        .at(DescribeInstancesResponse::reservations, 0)
        .at(Reservation::instances, 1)
        .get(Instance::state)
        .get(InstanceState::name);
    assertThat(state.path()).isEqualTo(Path.of("$.Reservations[0].Instances[1].State.Name"));
    assertThat(state.jsonata().render()).isEqualTo("{% $states.result.Reservations[0].Instances[1].State.Name %}");

    SdkResult<String> tagValues = describe.result(DescribeInstancesResponse.class)
        .each(DescribeInstancesResponse::reservations).each(Reservation::instances).each(Instance::tags)
        .get(Tag::value);
    assertThat(tagValues.path()).isEqualTo(Path.of("$.Reservations[*].Instances[*].Tags[*].Value"));
  }

  @Test
  void otherServicesResults() {
    SdkCall send = AwsSdk.call(SendCommandRequest.builder().documentName("AWS-RunPatchBaseline").build());
    assertThat(send.result(SendCommandResponse.class).get(SendCommandResponse::command).get(Command::commandId).path())
        .isEqualTo(Path.of("$.Command.CommandId"));
    SdkCall lookup = AwsSdk.call(LookupEventsRequest.builder().build());
    assertThat(lookup.result(LookupEventsResponse.class).each(LookupEventsResponse::events).get(Event::eventTime).path())
        .isEqualTo(Path.of("$.Events[*].EventTime"));
  }

  @Test
  void selectChecksNamesAgainstTheModel() {
    assertThat(describe.result().select("Reservations[*].Instances[0].InstanceId").path())
        .isEqualTo(Path.of("$.Reservations[*].Instances[0].InstanceId"));
    assertThatThrownBy(() -> describe.result().select("Reservations[*].Instance"))
        .hasMessage("DescribeInstancesResponse Reservations[*] has no member Instance; it has ReservationId, OwnerId, "
            + "RequesterId, Groups, Instances");
    assertThatThrownBy(() -> describe.result().select("NextToken[0]"))
        .hasMessage("DescribeInstancesResponse NextToken is a String, not a list, so [0] names nothing");
  }

  @Test
  void theResponseClassMustBeTheOperations() {
    assertThatThrownBy(() -> describe.result(SendCommandResponse.class))
        .hasMessage("ec2:describeInstances returns DescribeInstancesResponse, not SendCommandResponse");
  }

  @Test
  void aFunctionThatIsNotAGetterIsRefused() {
    assertThatThrownBy(() -> describe.result(DescribeInstancesResponse.class).get(r -> "constant"))
        .hasMessage("the function given for DescribeInstancesResponse is not one of its member getters (it reads 0 "
            + "members); pass a getter such as Instance::instanceId, or use select(\"MemberName\")");
  }
}
