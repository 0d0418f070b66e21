// The failure names both setups that work.
String log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal io.statecraft:statecraft-maven-plugin:' + pluginVersion + ':generate (default) on project consumer: '
    + 'No workflow found on the runtime classpath of com.example.it.none:consumer:pom:1.0. Either add a dependency on a module'
    + ' whose jar lists its Workflow classes in META-INF/services/io.statecraft.dsl.workflow.Workflow (or name the classes'
    + ' in <workflows>), or, to generate from this module\'s own classes, bind the generate goal to the process-classes'
    + ' phase. See docs/maven-plugin.md. -> [Help 1]')
assert !(log =~ /(?m)^\s+at /) : 'no stack trace'
true
