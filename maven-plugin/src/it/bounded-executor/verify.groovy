def log = new File(basedir, 'build.log').text
assert log.contains('Manometer: 2 recording(s)') : 'a recording from the Surefire JVM and one from the Failsafe JVM'
assert !log.contains('executor-backlog') : 'no backlog is reported'
assert !log.contains('Manometer found missing backpressure')
assert new File(basedir, 'target/manometer/manometer.html').isFile()
return true
