#!/usr/bin/env bash
# Smoke-tests a built image with Docker on loopback: read-only run, health, tokens, HEALTHCHECK status, SIGTERM exit.
set -euo pipefail

imageName="${1:?usage: scripts/docker-smoke.sh IMAGE}"
containerName="rtm-token-smoke-$$"
apiPort="${SMOKE_API_PORT:-18080}"
managementPort="${SMOKE_MANAGEMENT_PORT:-18081}"
memoryLimit="${SMOKE_MEMORY_LIMIT:-512m}"
readyTimeoutSeconds="${READY_TIMEOUT_SECONDS:-120}"
healthyTimeoutSeconds="${HEALTHY_TIMEOUT_SECONDS:-120}"
stopTimeoutSeconds="${STOP_TIMEOUT_SECONDS:-45}"
requestTimeoutSeconds=5

log() {
    printf '[docker-smoke] %s\n' "$*" >&2
}

fail() {
    log "FAILED: $*"
    docker logs --tail 40 "$containerName" >&2 2>&1 || true
    exit 1
}

cleanup() {
    docker rm -f "$containerName" >/dev/null 2>&1 || true
}

startContainer() {
    startNanos="$(date +%s%N)"
    docker run -d --name "$containerName" --read-only --tmpfs /tmp --memory "$memoryLimit" \
        -p "127.0.0.1:$apiPort:8080" -p "127.0.0.1:$managementPort:8081" \
        -e AGORA_APP_ID=0123456789abcdef0123456789abcdef \
        -e AGORA_APP_CERTIFICATE=fedcba9876543210fedcba9876543210 \
        -e RTM_TOKEN_AUTH_MODE=none \
        "$imageName" >/dev/null || fail "docker run failed"
}

waitUntilReady() {
    local deadline=$((SECONDS + readyTimeoutSeconds))
    while ((SECONDS < deadline)); do
        [[ "$(docker inspect -f '{{.State.Running}}' "$containerName")" == true ]] || fail "the container exited"
        if curl -sf -o /dev/null --max-time "$requestTimeoutSeconds" \
            "http://127.0.0.1:$managementPort/actuator/health"; then
            log "ready: start-to-ready $((($(date +%s%N) - startNanos) / 1000000)) ms (including docker run)"
            return
        fi
        sleep 0.2
    done
    fail "not ready within ${readyTimeoutSeconds} s"
}

checkEndpoints() {
    local probe body
    for probe in liveness readiness; do
        curl -sf -o /dev/null --max-time "$requestTimeoutSeconds" \
            "http://127.0.0.1:$managementPort/actuator/health/$probe" || fail "/actuator/health/$probe is not 200"
    done
    body="$(curl -sf --max-time "$requestTimeoutSeconds" "http://127.0.0.1:$managementPort/actuator/prometheus")" \
        || fail "/actuator/prometheus is not 200"
    [[ "$body" == *jvm_memory_used_bytes* ]] || fail "/actuator/prometheus has no JVM metrics"
    body="$(curl -sf --max-time "$requestTimeoutSeconds" "http://127.0.0.1:$apiPort/rtm-token?userAccount=alice")" \
        || fail "GET /rtm-token failed"
    [[ "$body" == *'"token":"006'* ]] || fail "default token is not a 006 token"
    body="$(curl -sf --max-time "$requestTimeoutSeconds" \
        "http://127.0.0.1:$apiPort/rtm-token?userAccount=alice&version=007")" || fail "GET /rtm-token (007) failed"
    [[ "$body" == *'"token":"007'* ]] || fail "version=007 did not give a 007 token"
    log "health probes and metrics 200, 006 and 007 tokens minted"
}

waitUntilHealthy() {
    local deadline=$((SECONDS + healthyTimeoutSeconds)) status=""
    while ((SECONDS < deadline)); do
        status="$(docker inspect -f '{{.State.Health.Status}}' "$containerName")"
        [[ "$status" == healthy ]] && { log "image HEALTHCHECK reports healthy"; return; }
        [[ "$status" == unhealthy ]] && fail "image HEALTHCHECK reports unhealthy"
        sleep 1
    done
    fail "HEALTHCHECK status still '$status' after ${healthyTimeoutSeconds} s"
}

stopContainer() {
    log "memory in use: $(docker stats --no-stream --format '{{.MemUsage}}' "$containerName")"
    timeout $((stopTimeoutSeconds + 10)) docker stop -t "$stopTimeoutSeconds" "$containerName" >/dev/null \
        || fail "docker stop failed"
    local exitCode
    exitCode="$(docker inspect -f '{{.State.ExitCode}}' "$containerName")"
    [[ "$exitCode" == 0 || "$exitCode" == 143 ]] || fail "exit code $exitCode after SIGTERM"
    if docker logs "$containerName" 2>&1 | grep -qE 'Exception|ERROR'; then
        fail "the container output has errors"
    fi
    docker logs "$containerName" 2>&1 | grep -q 'Graceful shutdown complete' || fail "no graceful shutdown logged"
    log "graceful shutdown and clean exit after SIGTERM (exit code $exitCode)"
}

main() {
    trap cleanup EXIT
    startContainer
    waitUntilReady
    checkEndpoints
    waitUntilHealthy
    stopContainer
    log "PASSED"
}

main "$@"
