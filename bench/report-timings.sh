#!/usr/bin/env bash
# Report page, PDF, Excel and open-export timings against a running portal with demo data (issue 13):
# signs in as directie@dommeltheater.nl, takes the newest published report of Theater aan de Dommel, and times
# each answer (curl's time_total on loopback: the server's time, rendering included). Not a test; prints figures.
#   mvn -Prun package   (in another terminal), then:   bash bench/report-timings.sh [http://localhost:8080] [runs]
set -euo pipefail
BASE=${1:-http://localhost:8080}
RUNS=${2:-20}
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
vs=$(curl -s -c "$jar" "$BASE/login.xhtml" | grep -o 'name="jakarta.faces.ViewState"[^>]*value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
code=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w "%{http_code}" --data-urlencode "login=login" \
  --data-urlencode "login:username=directie@dommeltheater.nl" --data-urlencode "login:password=demo-2026!" \
  --data-urlencode "login:submit=" --data-urlencode "jakarta.faces.ViewState=$vs" "$BASE/login.xhtml")
[ "$code" = "302" ] || { echo "sign-in failed ($code)"; exit 1; }
id=$(curl -s -b "$jar" "$BASE/report/reports.xhtml" | grep -o 'report.xhtml?id=[0-9]*' | sed 's/.*id=//' | sort -n | tail -1)
[ -n "$id" ] || { echo "no report found"; exit 1; }
echo "report $id, $RUNS runs each (after one warm-up)"
measure() { # name url
  curl -s -b "$jar" -o /dev/null "$2"
  for _ in $(seq 1 "$RUNS"); do curl -s -b "$jar" -o /dev/null -w "%{time_total}\n" "$2"; done | sort -n | awk -v name="$1" '
    { t[NR] = $1 } END { printf "%-28s median %4.0f ms   p95 %4.0f ms   max %4.0f ms\n", name, t[int((NR + 1) / 2)] * 1000, t[int(NR * 0.95 + 0.5)] * 1000, t[NR] * 1000 }'
}
measure "report page" "$BASE/report/report.xhtml?id=$id"
measure "PDF (A4, charts, map)" "$BASE/report/download?id=$id&format=pdf"
measure "Excel workbook" "$BASE/report/download?id=$id&format=xlsx"
measure "open export (zip)" "$BASE/report/download?id=$id&format=datapackage"
