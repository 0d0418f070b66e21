package io.statecraft.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Every constant of {@link SdkErrors} is the name Step Functions gives an exception class of the SDK. */
class SdkErrorsConstantsTest {

  @Test
  void everyConstantNamesAnExceptionClassOfItsServiceInTheSdk() throws Exception {
    List<String> checked = new ArrayList<>();
    for (Class<?> service : SdkErrors.class.getDeclaredClasses()) {
      String modelPackage = "software.amazon.awssdk.services." + service.getSimpleName().toLowerCase(Locale.ROOT) + ".model.";
      for (Field field : service.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
          continue;
        }
        String name = (String) field.get(null);
        String exception = name.substring(name.indexOf('.') + 1);
        String prefix = name.substring(0, name.indexOf('.'));
        String serviceBase = prefix + "Exception";
        if (exception.equals("SdkClientException")) {
          assertThat(AwsSdk.error(exceptionClass(modelPackage + serviceBase))).isEqualTo(prefix + "." + serviceBase);
        } else {
          assertThat(AwsSdk.error(exceptionClass(modelPackage + exception))).as(field.toString()).isEqualTo(name);
        }
        checked.add(name);
      }
    }
    assertThat(SdkErrors.class.getDeclaredClasses()).extracting(Class::getSimpleName)
        .containsExactlyInAnyOrder("Ec2", "Ssm", "Iam", "CloudTrail", "Sns", "S3", "DynamoDb", "Sfn", "Lambda");
    assertThat(checked).hasSize(62);
  }

  @SuppressWarnings("unchecked")
  private static Class<? extends Throwable> exceptionClass(String name) throws ClassNotFoundException {
    return (Class<? extends Throwable>) Class.forName(name);
  }
}
