#!/usr/bin/env bash
# Graceful shutdown under load on loopback: starts the packaged service, sends GET /rtm-token at a fixed rate, sends
# SIGTERM midway, and checks that every request due before the signal succeeded and that the service exited within
# its shutdown phase timeout (spring.lifecycle.timeout-per-shutdown-phase, 20 s).
#
#   ./mvnw -B -q -DskipTests package
#   scripts/shutdown-under-load.sh [requests-per-second=300] [term-after-seconds=5]
set -euo pipefail
cd "$(dirname "$0")/.."

RATE=${1:-300}
TERM_AFTER=${2:-5}
PHASE_TIMEOUT_SECONDS=20
PORT=${PORT:-18090}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18091}
JAR=target/rtm-token-service.jar
LOG=target/shutdown-service.log

[[ -f $JAR ]] || { echo "build the jar first: ./mvnw -B -q -DskipTests package" >&2; exit 2; }
(( RATE >= 1 && RATE <= 5000 && TERM_AFTER >= 1 && TERM_AFTER <= 60 )) \
    || { echo "rate must be 1..5000 and term-after 1..60" >&2; exit 2; }

EXIT_TIME=target/shutdown-exit-time
rm -f "$EXIT_TIME" target/shutdown-service.pid
(
    AGORA_APP_ID=970CA35de60c44645bbae8a215061b33 AGORA_APP_CERTIFICATE=5CFd2fd1755d40ecb72977518be15d3b \
    RTM_TOKEN_AUTH_MODE=none RTM_TOKEN_RATE_LIMIT_ENABLED=false \
        java -Xmx256m -jar "$JAR" --server.address=127.0.0.1 --server.port="$PORT" \
        --management.server.address=127.0.0.1 --management.server.port="$MANAGEMENT_PORT" > "$LOG" 2>&1 &
    echo $! > target/shutdown-service.pid
    wait $! && code=0 || code=$?
    echo "$(date +%s%N) $code" > "$EXIT_TIME"
) &
sleep 0.5
PID=$(cat target/shutdown-service.pid)
trap 'kill -9 "$PID" 2>/dev/null || true' EXIT

for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" > /dev/null && break
    kill -0 "$PID" 2> /dev/null || { echo "service did not start; see $LOG" >&2; exit 1; }
    sleep 0.5
done

URL="http://127.0.0.1:$PORT/rtm-token?userAccount=shutdown&version=006"
STATUS=0
LOAD_START=$(date +%s%N)
java scripts/LoadGenerator.java "$URL" "$RATE" $(( TERM_AFTER + 3 )) "$PID" "$TERM_AFTER" || STATUS=$?

for _ in $(seq 1 $(( (PHASE_TIMEOUT_SECONDS + 10) * 10 ))); do
    [[ -f $EXIT_TIME ]] && break
    sleep 0.1
done
[[ -f $EXIT_TIME ]] || { echo "service still running $(( PHASE_TIMEOUT_SECONDS + 10 )) s after the load"; exit 1; }
read -r EXITED_AT EXIT_CODE < "$EXIT_TIME"
awk -v exited="$EXITED_AT" -v start="$LOAD_START" -v after="$TERM_AFTER" -v code="$EXIT_CODE" \
    -v limit="$PHASE_TIMEOUT_SECONDS" 'BEGIN {
    seconds = (exited - start) / 1e9 - after
    printf "exit_code=%d exit_after_term_s=%.2f (limit %d s)\n", code, seconds, limit
    exit seconds <= limit ? 0 : 1 }' || STATUS=1
grep -E 'Commencing graceful shutdown|Graceful shutdown complete|aborted' "$LOG" || true
exit "$STATUS"
