#!/usr/bin/env bash
# HTTP benchmark of the packaged service on loopback: start-to-ready time, requests per second and latency
# percentiles under wrk (2 threads, 50 connections) for an empty endpoint, 006 and 007 tokens, in every
# authentication mode the service has, and the resident memory after the load. Stops everything it started.
#
# Settings (environment):
#   DURATION_SECONDS  length of each measured wrk run (default 15)
#   WARMUP_SECONDS    wrk warm-up of each endpoint right before its measured run (default 15)
#   MODES             authentication modes to measure (default "none api-key jwt"; modes the build lacks are skipped)
#   JAVA_HOME         the JDK to run the service with (default: java on the PATH)
#   JAVA_OPTS         JVM flags of the service (default: the container's flags, sized for a 512 MiB limit)
#   SERVICE_ARGS      extra arguments for the service, such as --server.tomcat.threads.max=16
#   JVM_CACHE         none, cds (Java 17+) or aot (Java 25+): trains a class cache first and starts with it
#   BUILD             1 to package the jar first (default), 0 to reuse the jar
#   JAR               the jar to run (default target/rtm-token-service.jar)
#   API_PORT, MANAGEMENT_PORT, JWKS_PORT   loopback ports (default 28080, 28081, 28090)
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION_SECONDS=${DURATION_SECONDS:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-15}
MODES=${MODES:-none api-key jwt}
JAVA_OPTS=${JAVA_OPTS:--XX:MaxRAM=512m -XX:MaxRAMPercentage=75.0 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}
JVM_CACHE=${JVM_CACHE:-none}
BUILD=${BUILD:-1}
JAR=${JAR:-target/rtm-token-service.jar}
API_PORT=${API_PORT:-28080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-28081}
JWKS_PORT=${JWKS_PORT:-28090}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

APP_ID=970CA35de60c44645bbae8a215061b33
APP_CERTIFICATE=5CFd2fd1755d40ecb72977518be15d3b
USER_ACCOUNT=bench-user
ISSUER=https://issuer.benchmark.invalid
AUDIENCE=rtm-token-benchmark
READY_TIMEOUT_SECONDS=60

work=$(mktemp -d)
service_pid=
jwks_pid=

stop() {
    if [[ -n $service_pid ]] && kill -0 "$service_pid" 2>/dev/null; then
        kill "$service_pid"
        wait "$service_pid" 2>/dev/null || true
    fi
    service_pid=
}

cleanup() {
    stop
    if [[ -n $jwks_pid ]]; then
        kill "$jwks_pid" 2>/dev/null || true
        wait "$jwks_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

require_tools() {
    if ! command -v wrk >/dev/null; then
        echo "Installing wrk from the Debian packages" >&2
        apt-get install -y -qq wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
    fi
    command -v curl >/dev/null && command -v openssl >/dev/null && command -v python3 >/dev/null \
        || { echo "curl, openssl and python3 are needed" >&2; exit 1; }
}

# Unpacks the jar as the container image does, so that a CDS archive or AOT cache can be used with it.
extract_jar() {
    if [[ $BUILD == 1 ]]; then
        ./mvnw -B -q -DskipTests package
    fi
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$work/app" >/dev/null
}

# Refuses to run when another process holds one of the ports: its answers would be measured instead.
require_free_ports() {
    local port
    for port in "$API_PORT" "$MANAGEMENT_PORT" "$JWKS_PORT"; do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "Port $port is in use; choose others with API_PORT, MANAGEMENT_PORT and JWKS_PORT" >&2
            exit 1
        fi
    done
}

has_auth() {
    unzip -l "$JAR" >"$work/jar-listing"
    grep -q 'spring-security-oauth2-resource-server' "$work/jar-listing"
}

service_args() {
    local mode=$1
    printf '%s\n' --spring.profiles.active=benchmark --server.port="$API_PORT" \
        --management.server.port="$MANAGEMENT_PORT" --server.address=127.0.0.1 \
        --management.server.address=127.0.0.1 --rtm-token.auth.mode="$mode" \
        --rtm-token.rate-limit.enabled=true \
        --rtm-token.rate-limit.user.capacity=1000000000 --rtm-token.rate-limit.user.refill-per-minute=1000000000 \
        --rtm-token.rate-limit.api-key.capacity=1000000000 \
        --rtm-token.rate-limit.api-key.refill-per-minute=1000000000
    # shellcheck disable=SC2086
    [[ -z ${SERVICE_ARGS:-} ]] || printf '%s\n' ${SERVICE_ARGS}
    case $mode in
        api-key) printf '%s\n' --rtm-token.auth.api-keys.benchmark="$(printf %s "$API_KEY" | sha256sum | cut -c1-64)" ;;
        jwt) printf '%s\n' --spring.security.oauth2.resourceserver.jwt.issuer-uri="$ISSUER" \
            --spring.security.oauth2.resourceserver.jwt.audiences="$AUDIENCE" \
            --spring.security.oauth2.resourceserver.jwt.jwk-set-uri="http://127.0.0.1:$JWKS_PORT/jwks.json" ;;
    esac
}

# Runs the context once and exits, writing the class cache the measured starts use.
train_cache() {
    local flag
    case $JVM_CACHE in
        none) return ;;
        cds) flag=-XX:ArchiveClassesAtExit=$work/app.jsa; CACHE_OPTS=-XX:SharedArchiveFile=$work/app.jsa ;;
        aot) flag=-XX:AOTCacheOutput=$work/app.aot; CACHE_OPTS=-XX:AOTCache=$work/app.aot ;;
        *) echo "JVM_CACHE must be none, cds or aot" >&2; exit 1 ;;
    esac
    mapfile -t args < <(service_args none)
    # shellcheck disable=SC2086
    AGORA_APP_ID=$APP_ID AGORA_APP_CERTIFICATE=$APP_CERTIFICATE \
        "$JAVA" $JAVA_OPTS "$flag" -Dspring.context.exit=onRefresh -jar "$work/app/${JAR##*/}" \
        "${args[@]}" >"$work/training.log" 2>&1 || { cat "$work/training.log" >&2; exit 1; }
}

# Starts the service and waits until readiness is UP; sets service_pid and ready_ms.
start() {
    local mode=$1 started_ns
    mapfile -t args < <(service_args "$mode")
    started_ns=$(date +%s%N)
    # shellcheck disable=SC2086
    AGORA_APP_ID=$APP_ID AGORA_APP_CERTIFICATE=$APP_CERTIFICATE \
        "$JAVA" $JAVA_OPTS ${CACHE_OPTS:-} -jar "$work/app/${JAR##*/}" "${args[@]}" \
        >"$work/service-$mode.log" 2>&1 &
    service_pid=$!
    until curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; do
        if ! kill -0 "$service_pid" 2>/dev/null; then
            echo "The service stopped while starting ($mode mode):" >&2
            tail -30 "$work/service-$mode.log" >&2
            exit 1
        fi
        if (( $(date +%s%N) - started_ns > READY_TIMEOUT_SECONDS * 1000000000 )); then
            echo "The service was not ready within $READY_TIMEOUT_SECONDS s" >&2
            exit 1
        fi
        sleep 0.01
    done
    ready_ms=$(( ($(date +%s%N) - started_ns) / 1000000 ))
}

# A JWKS with one fresh RSA key, served on loopback, and a JWT signed with it for the benchmark user.
serve_jwks() {
    local header payload signature modulus now
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/jwt-key.pem" 2>/dev/null
    modulus=$(openssl rsa -in "$work/jwt-key.pem" -noout -modulus | cut -d= -f2 | xxd -r -p | base64url)
    mkdir -p "$work/jwks"
    printf '{"keys":[{"kty":"RSA","kid":"benchmark","use":"sig","alg":"RS256","n":"%s","e":"AQAB"}]}' \
        "$modulus" >"$work/jwks/jwks.json"
    python3 -m http.server "$JWKS_PORT" --bind 127.0.0.1 --directory "$work/jwks" >"$work/jwks.log" 2>&1 &
    jwks_pid=$!

    now=$(date +%s)
    header=$(printf '{"alg":"RS256","typ":"JWT","kid":"benchmark"}' | base64url)
    payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","iat":%d,"exp":%d}' "$ISSUER" "$AUDIENCE" \
        "$USER_ACCOUNT" "$now" $((now + 3600)) | base64url)
    signature=$(printf %s "$header.$payload" | openssl dgst -sha256 -sign "$work/jwt-key.pem" | base64url)
    JWT=$header.$payload.$signature
}

base64url() {
    base64 -w0 | tr '+/' '-_' | tr -d '='
}

# CPU time the service has used, in clock ticks.
cpu_ticks() {
    awk '{ print $14 + $15 }' "/proc/$service_pid/stat"
}

# Runs wrk against the path and appends a table row: mode, what, req/s, p50, p99, errors, and the CPU time the
# service and wrk spent per request, which the other work on a shared machine does not change much.
measure() {
    local mode=$1 what=$2 path=$3 seconds=$4 output header=() ticks_before ticks_after
    case $mode in
        api-key) header=(-H "X-API-Key: $API_KEY") ;;
        jwt) header=(-H "Authorization: Bearer $JWT") ;;
    esac
    ticks_before=$(cpu_ticks)
    output=$( { TIMEFORMAT='%U %S'; time wrk -t2 -c50 -d"${seconds}s" --latency "${header[@]}" \
        "http://127.0.0.1:$API_PORT$path"; } 2>"$work/wrk-time")
    ticks_after=$(cpu_ticks)
    if [[ $what == warm-up ]]; then
        return
    fi
    printf '%s\n' "$output" | awk -v mode="$mode" -v what="$what" -v ticks=$((ticks_after - ticks_before)) \
        -v hz="$(getconf CLK_TCK)" -v wrk_seconds="$(awk '{ print $1 + $2 }' "$work/wrk-time")" '
        function ms(value) {
            if (value ~ /us$/) return value / 1000
            if (value ~ /ms$/) return value + 0
            if (value ~ /s$/) return value * 1000
            return value
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        / requests in / { requests = $1 }
        /^Requests\/sec/ { rps = $2 }
        /Non-2xx or 3xx responses/ { errors += $NF }
        /Socket errors/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        END {
            service_us = ticks / hz * 1e6 / requests
            wrk_us = wrk_seconds * 1e6 / requests
            printf "| %-8s | %-6s | %9.0f | %7.2f | %7.2f | %6d | %11.1f | %7.1f | %11.0f |\n", mode, what, rps, p50,
                p99, errors, service_us, wrk_us, 2e6 / (service_us + wrk_us)
        }' >>"$work/table"
}

rss_mb() {
    echo $(( $(ps -o rss= -p "$service_pid") / 1024 ))
}

main() {
    require_tools
    require_free_ports
    extract_jar
    API_KEY=$(openssl rand -hex 24)
    local modes=() mode
    for mode in $MODES; do
        if [[ $mode == none ]] || has_auth; then
            modes+=("$mode")
        else
            echo "Skipping $mode: this build has no authentication modes" >&2
        fi
    done
    if [[ " ${modes[*]} " == *" jwt "* ]]; then
        serve_jwks
    fi
    train_cache

    local token="/rtm-token?userAccount=$USER_ACCOUNT" starts=() memory=()
    echo "uptime before: $(uptime)" >&2
    for mode in "${modes[@]}"; do
        start "$mode"
        starts+=("$mode: ${ready_ms} ms ($(grep -o 'process running for [0-9.]*' "$work/service-$mode.log" \
            | grep -o '[0-9.]*$') s by Spring)")
        if [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$API_PORT$token") != 200 ]] \
            && [[ $mode == none ]]; then
            echo "GET $token does not answer 200 in $mode mode" >&2
            exit 1
        fi
        measure "$mode" warm-up /rtm-token/benchmark/empty "$WARMUP_SECONDS"
        measure "$mode" empty /rtm-token/benchmark/empty "$DURATION_SECONDS"
        measure "$mode" warm-up "$token&version=006" "$WARMUP_SECONDS"
        measure "$mode" 006 "$token&version=006" "$DURATION_SECONDS"
        measure "$mode" warm-up "$token&version=007" "$WARMUP_SECONDS"
        measure "$mode" 007 "$token&version=007" "$DURATION_SECONDS"
        memory+=("$mode: $(rss_mb) MB after $((3 * WARMUP_SECONDS + 3 * DURATION_SECONDS)) s of load")
        stop
    done
    echo "uptime after: $(uptime)" >&2

    echo
    echo "java: $("$JAVA" -version 2>&1 | head -1); flags: $JAVA_OPTS ${CACHE_OPTS:-}"
    echo "wrk -t2 -c50 -d${DURATION_SECONDS}s, each after a ${WARMUP_SECONDS} s warm-up of its endpoint. The last"
    echo "column is 2 cores divided by the CPU time the service and wrk spent per request: the rate with the cores to"
    echo "themselves."
    echo
    echo "| mode     | what   |     req/s |     p50 |     p99 | errors | service CPU | wrk CPU | req/s, idle |"
    echo "|          |        |           |      ms |      ms |        |   µs/req    |  µs/req |  2 cores    |"
    echo "|----------|--------|-----------|---------|---------|--------|-------------|---------|-------------|"
    cat "$work/table"
    echo
    printf 'start to ready: %s\n' "${starts[@]}"
    printf 'RSS: %s\n' "${memory[@]}"
    if [[ -n $jwks_pid ]]; then
        echo "JWKS fetches by the service: $(grep -c 'GET /jwks.json' "$work/jwks.log")"
    fi
}

main
