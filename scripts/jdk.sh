# Sourced by scripts/lab, scripts/test and scripts/bench: finds a JDK >= 21 and builds the lab.
# Reclaim targets Java 21+, while the machine's default `java` may be older; nothing here
# depends on what a person installed by hand.

reclaim_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# java_major DIR: the feature version of the JDK in DIR (empty when DIR holds no JDK).
java_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

# find_jdk: sets JAVA_HOME to a JDK >= 21: JAVA_HOME if it is one, else the newest under the
# usual install folders.
find_jdk() {
  local candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(java_major "$JAVA_HOME")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then export JAVA_HOME; return 0; fi
    echo "reclaim: JAVA_HOME=$JAVA_HOME is not a JDK >= 21; looking elsewhere" >&2
  fi
  for candidate in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                   "$HOME"/.sdkman/candidates/java/* "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -d "$candidate" ] || continue
    major=$(java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best=$candidate; best_major=$major
    fi
  done
  if [ -z "$best" ]; then
    cat >&2 <<MSG
reclaim: no JDK 21 or newer found (looked at JAVA_HOME and /usr/lib/jvm, /usr/java, /opt).
Install one, for example on Debian/Ubuntu:  apt-get install openjdk-21-jdk
or set JAVA_HOME to a JDK >= 21, then run this command again.
MSG
    exit 3
  fi
  export JAVA_HOME=$best
}

# mvnw ARGS: the project's Maven wrapper with the JDK found above.
mvnw() {
  local opts=""
  # Maven's own libraries (jansi, guava) trip JDK 24+'s native-access and Unsafe warnings.
  if [ "$(java_major "$JAVA_HOME")" -ge 24 ]; then
    opts="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  fi
  (cd "$reclaim_root" && MAVEN_OPTS="${MAVEN_OPTS:-} $opts" "$reclaim_root/mvnw" --batch-mode --no-transfer-progress "$@")
}

lab_jar="$reclaim_root/lab/target/reclaim-lab.jar"

# build_lab: builds the lab jar when it is missing or older than any source or pom.
build_lab() {
  if [ -f "$lab_jar" ] && [ -z "$(find "$reclaim_root" -path "$reclaim_root/.git" -prune -o \
        \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' \) -newer "$lab_jar" -print -quit)" ]; then
    return 0
  fi
  echo "reclaim: building the lab (first run or sources changed)..." >&2
  if ! mvnw -q -DskipTests -pl lab -am package >&2; then
    echo "reclaim: the build failed; see the messages above" >&2
    exit 2
  fi
}
