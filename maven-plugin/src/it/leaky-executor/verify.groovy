def log = new File(basedir, 'build.log').text
assert log.contains('Manometer: 2 recording(s)') : 'one recording per test JVM'
assert log.contains('executor-backlog') : 'the backlog is reported'
assert log.contains('at com.example.ExportTest.exportsEveryRow(ExportTest.java:12)') : 'at the test line that made the pool'
assert log.contains('Manometer found missing backpressure') : 'and the build fails at check'
def dir = new File(basedir, 'target/manometer')
['manometer.txt', 'manometer.html', 'manometer.sarif', 'manometer.json'].each {
    assert new File(dir, it).isFile() : "report ${it}"
}
def sarif = new groovy.json.JsonSlurper().parse(new File(dir, 'manometer.sarif'))
def result = sarif.runs[0].results.find { it.properties.kind == 'executor-backlog' }
assert result.locations[0].physicalLocation.artifactLocation.uri == 'src/test/java/com/example/ExportTest.java'
assert result.partialFingerprints['manometer/identity/v1'].contains('ExportTest.exportsEveryRow')
return true
