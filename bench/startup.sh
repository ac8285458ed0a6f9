#!/usr/bin/env bash
# Start-up and memory of the run profile's portal (issue 15), not a test; prints figures.
# Starts target/ROOT.war on Payara Micro exactly as `mvn -Prun package` does (demo data, H2 in a fresh folder
# unless -k keeps one), on loopback ports of its own, and prints: JVM start -> Payara "ready in", -> /health/ready,
# -> first page (login page, then a signed-in inbox), and RSS right after start. Then stops it.
#   mvn package -DskipTests && bash bench/startup.sh [extra JVM flags...]
#   JAR=<rootdir>/launch-micro.jar ROOTDIR=<rootdir> (a kept root directory and its launcher, for a CDS archive)
#   PORT=18680 SMTP=13825 IMAP=13943, DATA=<folder> (keep a database between runs: a warm start), DEMO=false
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18680}; SMTP=${SMTP:-13825}; IMAP=${IMAP:-13943}
WORK=${WORK:-target/startup}
mkdir -p "$WORK"
DATA=${DATA:-$WORK/data-$(date +%s%N)}
mkdir -p "$DATA"
LOG=$WORK/portal-$(date +%s).log
# the run profile's JVM flags (pom.xml: run.jvm.flags); extra flags from the command line come after them
FLAGS=${RUN_JVM_FLAGS:-$(sed -n 's:.*<run.jvm.flags>\(.*\)</run.jvm.flags>.*:\1:p' pom.xml | head -1)}
[ -z "${NMT:-}" ] || FLAGS="$FLAGS -XX:NativeMemoryTracking=summary"
BASE=http://127.0.0.1:$PORT
t0=$(date +%s%N)
# shellcheck disable=SC2086
java $FLAGS "$@" -Dpublieksdata.demo="${DEMO:-true}" -Dpublieksdata.mail.port="$SMTP" -Dpublieksdata.mail.imap-port="$IMAP" \
  -Dpublieksdata.db.url="jdbc:h2:file:$(realpath "$DATA")/publieksdata" \
  -jar "${JAR:-target/payara-micro.jar}" --deploy target/ROOT.war --port "$PORT" --nocluster \
  --rootdir "${ROOTDIR:-$(realpath "$WORK")/payara-$(date +%s%N)}" \
  --prebootcommandfile src/main/payara/pre-boot-commands.asadmin > "$LOG" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
ms() { echo $(( ($(date +%s%N) - t0) / 1000000 )); }
until curl -sf -o /dev/null "$BASE/health/ready"; do
  kill -0 $pid 2>/dev/null || { echo "portal died; see $LOG"; exit 1; }
  [ "$(ms)" -lt 300000 ] || { echo "not ready after 300 s; see $LOG"; exit 1; }
  sleep 0.2
done
ready=$(ms)
jar=$(mktemp); trap 'rm -f "$jar"; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
vs=$(curl -s -c "$jar" "$BASE/login.xhtml" | { grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//' || true; })
loginpage=$(ms)
[ -n "$vs" ] || echo "the login page had no Faces view state: $(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$BASE/login.xhtml")"
code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w "%{http_code}" --data-urlencode "login=login" \
  --data-urlencode "login:username=coordinator@kunstloc.nl" --data-urlencode "login:password=demo-2026!" \
  --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$vs" "$BASE/login.xhtml")
inbox=$(curl -s -b "$jar" -o /dev/null -w "%{http_code}" "$BASE/tasks/inbox.xhtml")
first=$(ms)
payara=$(grep -o 'ready in [0-9,.]* (ms)' "$LOG" | head -1 | tr -d ',' | grep -o '[0-9.]*' || echo "?")
rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
sleep 5
rss5=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$pid/status)
echo "flags: $FLAGS $*"
echo "Payara 'ready in' (its own count): ${payara} ms"
echo "JVM start -> /health/ready UP: ${ready} ms; -> login page: ${loginpage} ms; -> signed-in inbox ($code/$inbox): ${first} ms"
echo "RSS at ready+first page: ${rss} MB; 5 s later: ${rss5} MB   (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
echo "log: $LOG"
# NMT=1: where the memory goes (the JVM's own accounting; RSS also holds malloc arenas and mapped files)
if [ -n "${NMT:-}" ]; then
  jcmd $pid VM.native_memory summary | grep -E '^-|committed=' | grep -E 'Total|Java Heap|Class|Thread|Code|GC|Internal|Other|Symbol|Arena|Metaspace' | head -20
fi
