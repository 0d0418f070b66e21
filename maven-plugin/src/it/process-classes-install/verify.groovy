import java.util.jar.JarFile

// Generated from the module's own classes.
File out = new File(basedir, 'target/statecraft/greeting')
['definition.asl.json', 'template.yaml', 'template.json', 'diagram.mmd'].each { name ->
  assert new File(out, name).isFile() : "missing $name"
}

// addResources: the jar carries the files under statecraft/<id>/.
JarFile jar = new JarFile(new File(basedir, 'target/flows-1.0.jar'))
try {
  ['definition.asl.json', 'template.yaml', 'template.json', 'diagram.mmd'].each { name ->
    assert jar.getEntry("statecraft/greeting/$name") != null : "jar lacks statecraft/greeting/$name"
  }
} finally {
  jar.close()
}

// install: the definition and both templates are artifacts with the classifier greeting; the
// diagram is not attached.
File installed = new File(localRepositoryPath, 'com/example/it/process/flows/1.0')
['flows-1.0.jar', 'flows-1.0.pom', 'flows-1.0-greeting.asl.json', 'flows-1.0-greeting.yaml', 'flows-1.0-greeting.json'].each { name ->
  assert new File(installed, name).isFile() : "not installed: $name"
}
assert !new File(installed, 'flows-1.0-greeting.mmd').exists()
assert new File(installed, 'flows-1.0-greeting.yaml').text == new File(out, 'template.yaml').text
assert new File(installed, 'flows-1.0-greeting.json').text == new File(out, 'template.json').text
assert new File(installed, 'flows-1.0-greeting.asl.json').text == new File(out, 'definition.asl.json').text
true
