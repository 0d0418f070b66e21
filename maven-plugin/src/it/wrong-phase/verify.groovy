// Nothing compiled: the failure says what to do, without a stack trace.
String log = new File(basedir, 'build.log').text
assert log.count('[ERROR] Failed to execute goal io.statecraft:statecraft-maven-plugin:' + pluginVersion + ':generate (default) on project flows: '
    + 'The workflows of com.example.it.wrongphase:flows:jar:1.0 are in this module, but statecraft:generate runs in'
    + ' generate-resources, before the module\'s classes are compiled. Either bind the goal to process-classes in this module'
    + ' (<execution><phase>process-classes</phase><goals><goal>generate</goal></goals></execution>),'
    + ' or move the workflows into a separate module and depend on it. -> [Help 1]') == 1
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'
assert !log.contains('Caused by') && !log.contains('java.lang.')
// Compiled from the current sources: generated from them.
assert new File(basedir, 'target/statecraft/greeting/template.yaml').isFile()
true
