# Sourced by ./mvnw. Launchpad builds Java 21 bytecode and runs an Elasticsearch node that needs
# Java 21+, while machines here default to Java 17: pick a JDK 21+ when JAVA_HOME does not name one.
launchpad_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
if [ -z "${JAVA_HOME-}" ] || [ ! -x "$JAVA_HOME/bin/java" ] || [ "$(launchpad_java_major "$JAVA_HOME")" -lt 21 ] 2>/dev/null; then
  launchpad_found=""
  set +f # mvnw disables globbing; the search below needs it
  for candidate in "${JAVA_HOME-}" "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" /usr/lib/jvm/* /opt/java/* /opt/jdk*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(launchpad_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then launchpad_found="$candidate"; break; fi
  done
  if [ -z "$launchpad_found" ]; then
    echo "Launchpad needs a JDK 21 or newer. None was found in JAVA_HOME, on the PATH or under /usr/lib/jvm." >&2
    echo "Install one (for example: apt-get install -y openjdk-21-jdk-headless) or set JAVA_HOME to it." >&2
    exit 1
  fi
  set -f
  JAVA_HOME="$launchpad_found"
  export JAVA_HOME
fi
