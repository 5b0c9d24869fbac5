#!/usr/bin/env bash
# Fetches the veraPDF validator (org.verapdf.apps:greenfield-apps) from
# Maven Central into a cache outside the work tree, once; prints the folder
# of its jars. Used by the tests that check our PDF/A-2b output.
set -euo pipefail
VERSION="1.28.2"
CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/sotarchive/verapdf-$VERSION"
if [ ! -f "$CACHE/lib/greenfield-apps-$VERSION.jar" ]; then
  mkdir -p "$CACHE"
  cat > "$CACHE/pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>sotarchive</groupId><artifactId>verapdf-fetch</artifactId><version>1</version>
  <dependencies>
    <dependency><groupId>org.verapdf.apps</groupId><artifactId>greenfield-apps</artifactId><version>$VERSION</version></dependency>
  </dependencies>
</project>
POM
  (cd "$CACHE" && mvn -q -B -Dstyle.color=never dependency:copy-dependencies -DoutputDirectory=lib >&2)
fi
echo "$CACHE/lib"
