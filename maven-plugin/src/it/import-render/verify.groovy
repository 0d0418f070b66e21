// import writes Java source under src/main/java in the package's folders; render writes the
// Mermaid drawing beside the definition; both say what they wrote, without a stack trace.
String log = new File(basedir, 'build.log').text
String sep = File.separator
File source = new File(basedir, 'src/main/java/com/example/flows/HelloWorld.java')
assert source.isFile() : "expected $source"
String java = source.text
assert java.startsWith('package com.example.flows;') : java
assert java.contains('Pass.named("Greet")') : java
assert java.contains('Wait.named("Wait")') : java
File diagram = new File(basedir, 'flows/hello-world.mmd')
assert diagram.isFile() : "expected $diagram"
assert diagram.text.startsWith('flowchart') : diagram.text
assert log.contains('[INFO] Wrote src' + sep + 'main' + sep + 'java' + sep + 'com' + sep + 'example' + sep + 'flows' + sep + 'HelloWorld.java')
assert log.contains('[INFO] Wrote flows' + sep + 'hello-world.mmd')
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'
true
