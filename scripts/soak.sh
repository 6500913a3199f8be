#!/usr/bin/env bash
# Soak test on loopback: starts the packaged service with test credentials, sends GET /rtm-token at a fixed rate
# for a fixed time, and reports errors, latency percentiles and old-generation heap (after a full GC) before and
# after. The service's JMX port listens on 127.0.0.1 only.
#
#   ./mvnw -B -q -DskipTests package
#   scripts/soak.sh [seconds=60] [requests-per-second=200]
#
# Goal: 0 errors and old-generation heap (after a full GC) within 5 % of where it started.
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_TO_RUN=${1:-60}
RATE=${2:-200}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
JMX_PORT=${JMX_PORT:-18082}
JAR=target/rtm-token-service.jar
LOG=target/soak-service.log

[[ -f $JAR ]] || { echo "build the jar first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
(( SECONDS_TO_RUN >= 1 && SECONDS_TO_RUN <= 3600 && RATE >= 1 && RATE <= 5000 )) \
    || { echo "seconds must be 1..3600 and rate 1..5000" >&2; exit 2; }

AGORA_APP_ID=970CA35de60c44645bbae8a215061b33 AGORA_APP_CERTIFICATE=5CFd2fd1755d40ecb72977518be15d3b \
RTM_TOKEN_AUTH_MODE=none RTM_TOKEN_RATE_LIMIT_ENABLED=false \
    java -Xms256m -Xmx256m -XX:+UseG1GC -Dcom.sun.management.jmxremote.port="$JMX_PORT" \
    -Dcom.sun.management.jmxremote.rmi.port="$JMX_PORT" -Dcom.sun.management.jmxremote.host=127.0.0.1 \
    -Djava.rmi.server.hostname=127.0.0.1 -Dcom.sun.management.jmxremote.authenticate=false \
    -Dcom.sun.management.jmxremote.ssl=false -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
    --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" > "$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" > /dev/null && break
    kill -0 "$PID" 2> /dev/null || { echo "service did not start; see $LOG" >&2; exit 1; }
    sleep 0.5
done

# Old generation after a full GC, over JMX on loopback (the attach API that jcmd uses is not always available).
old_gen_bytes() {
    java scripts/OldGen.java "$JMX_PORT"
}

URL="http://127.0.0.1:$PORT/rtm-token?userAccount=soak&version=007"
echo "warming up for 10 s at $RATE requests/s"
java scripts/LoadGenerator.java "$URL" "$RATE" 10 > /dev/null

BEFORE=$(old_gen_bytes)
echo "soaking for $SECONDS_TO_RUN s at $RATE requests/s"
STATUS=0
java scripts/LoadGenerator.java "$URL" "$RATE" "$SECONDS_TO_RUN" || STATUS=$?
AFTER=$(old_gen_bytes)

awk -v before="$BEFORE" -v after="$AFTER" 'BEGIN {
    drift = before > 0 ? (after - before) * 100 / before : 0
    printf "old_gen_before_bytes=%d old_gen_after_bytes=%d drift_percent=%.2f\n", before, after, drift }'
exit "$STATUS"
