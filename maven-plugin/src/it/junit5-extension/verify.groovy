def report = new File(basedir, 'target/surefire-reports/com.example.ExportTest.txt').text
assert report.contains('Tests run: 2, Failures: 1') : 'one of the two fails'
assert report.contains('exportsIntoAnUnboundedPool') && !report.contains('exportsIntoABoundedPool  Time') : report
assert report.contains('Manometer: missing backpressure in ExportTest.exportsIntoAnUnboundedPool()')
assert report.contains('executor-backlog at com.example.ExportTest.exportsIntoAnUnboundedPool(ExportTest.java:16)')
assert report.contains('fix: ')
return true
