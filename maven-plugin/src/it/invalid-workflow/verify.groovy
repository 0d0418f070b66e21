// Workflows with problems fail the build with a one-line summary and every problem, each with its
// code, JSON pointer and Java line; a workflow whose spec() throws is named with the reason and
// the line; no stack trace; nothing written.
String log = new File(basedir, 'build.log').text
String expected = '[ERROR] Failed to execute goal io.statecraft:statecraft-maven-plugin:' + pluginVersion + ''':generate (default) on project flows: 2 workflows have problems:
[ERROR] Workflow greeting (com.example.flows.Greeting): 1 error
[ERROR]   ERROR DUPLICATE_STATE_NAME /States/Hello: two different states are named 'Hello' (the other one is built at com/example/flows/Greeting.java:16); state names must be unique in the whole state machine (com/example/flows/Greeting.java:17)
[ERROR] Workflow com.example.flows.Broken cannot be built: IllegalStateException: no queue configured (at com.example.flows.Broken.spec(Broken.java:14))
[ERROR] -> [Help 1]'''
assert log.contains(expected) : "expected:\n$expected\nin:\n$log"
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'
assert !log.contains('Caused by') && !log.contains('java.lang.')
assert !new File(basedir, 'target/statecraft').exists()
true
