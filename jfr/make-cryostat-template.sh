#!/usr/bin/env bash
# Writes jfr/manometer-cryostat.jfc: the JDK's default.jfc and jfr/manometer.jfc merged into one
# whole template, as Cryostat (and JMC's template manager) take it: Cryostat cannot stack an
# overlay on another template. Run it after changing manometer.jfc; FleetTemplatesIT checks that
# the committed file still holds every setting of the overlay.
#   jfr/make-cryostat-template.sh [java-home]   (JDK 21 or later: 'jfr configure')
set -euo pipefail
cd "$(dirname "$0")"
java_home="${1:-${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}}"
merged="$(mktemp --suffix=.jfc)"
trap 'rm -f "$merged"' EXIT
"$java_home/bin/jfr" configure --input default.jfc,manometer.jfc --output "$merged" > /dev/null
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo '<!--'
  echo "  Manometer's template for Cryostat and JDK Mission Control: the JDK's default settings, the"
  echo '  agent'"'"'s manometer.* events and what the rules that judge without the agent need (manometer.jfc).'
  echo '  Written by jfr/make-cryostat-template.sh from default.jfc and manometer.jfc; edit those, not this.'
  echo '  Upload it to Cryostat as a custom event template (it is listed as "Manometer"); see docs/fleet.md.'
  echo '-->'
  sed -n '/<configuration/,$p' "$merged" \
    | sed '1s|<configuration[^>]*>|<configuration version="2.0" label="Manometer" description="Default settings with Manometer'"'"'s events and the heap histograms, allocation lines, thread starts and worker waits its agent-less rules read" provider="Manometer">|'
} > manometer-cryostat.jfc
echo "wrote jfr/manometer-cryostat.jfc"
