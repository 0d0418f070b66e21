String sep = File.separator
String log = new File(basedir, 'build.log').text
assert log.count('[WARNING] Not generated: com.example.consumer.Welcome, listed in src' + sep + 'main' + sep + 'resources' + sep
    + 'META-INF' + sep + 'services' + sep + 'io.statecraft.dsl.workflow.Workflow, is not compiled yet: statecraft:generate'
    + ' runs in generate-resources, before the module\'s classes are compiled, so only the workflows of its dependencies'
    + ' were generated. Either bind the goal to process-classes in this module'
    + ' (<execution><phase>process-classes</phase><goals><goal>generate</goal></goals></execution>),'
    + ' or move the workflows into a separate module and depend on it.') == 1
File out = new File(basedir, 'consumer/target/statecraft')
assert out.list().sort() == ['greeting']
true
