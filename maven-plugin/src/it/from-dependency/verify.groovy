// The consumer generated both workflows of its dependency into target/statecraft/<id>/.
File out = new File(basedir, 'consumer/target/statecraft')
['farewell', 'greeting'].each { id ->
  ['definition.asl.json', 'template.yaml', 'template.json', 'diagram.mmd'].each { name ->
    File file = new File(out, "$id/$name")
    assert file.isFile() : "missing $file"
    assert file.text.endsWith('\n')
  }
}
assert new File(out, 'greeting/definition.asl.json').text.contains('"StartAt" : "Hello"') ||
    new File(out, 'greeting/definition.asl.json').text.contains('"StartAt": "Hello"')
assert new File(out, 'farewell/template.yaml').text.contains('AWS::StepFunctions::StateMachine')
// The flows module itself does not use the plugin.
assert !new File(basedir, 'flows/target/statecraft').exists()

String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] farewell: wrote definition.asl.json, template.yaml, template.json, diagram.mmd to target' + File.separator + 'statecraft' + File.separator + 'farewell')
assert log.contains('[INFO] greeting: wrote definition.asl.json, template.yaml, template.json, diagram.mmd to target' + File.separator + 'statecraft' + File.separator + 'greeting')
// farewell sorts before greeting: the order does not depend on the classpath.
assert log.indexOf('farewell: wrote') < log.indexOf('greeting: wrote')
true
