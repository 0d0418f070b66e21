// The sns:publish task is typed (AwsSdk.optimized with the SDK's PublishRequest) because the
// project declares software.amazon.awssdk:sns; the class and the services entry are written.
String log = new File(basedir, 'build.log').text
File source = new File(basedir, 'src/main/java/com/example/flows/PatchAlerts.java')
assert source.isFile() : "expected $source"
String java = source.text
assert java.contains('.call(AwsSdk.optimized(PublishRequest.builder()') : java
assert java.contains('import software.amazon.awssdk.services.sns.model.PublishRequest;') : java
File services = new File(basedir, 'src/main/resources/META-INF/services/io.statecraft.dsl.workflow.Workflow')
assert services.text == 'com.example.flows.PatchAlerts\n' : services.text
assert log.contains('[INFO]   States/Notify: arn:aws:states:::sns:publish -> typed call (AwsSdk), its permissions derived') : log
// Only the goal's own output: resolving the sns module from the file:// mirror logs checksum warnings
// with stack traces of their own before it.
String goal = log.substring(log.indexOf(':adopt (default-cli)'))
assert !(goal =~ /(?m)^\s+at /) : 'no stack trace'
true
