#!/usr/bin/env bash
# Builds the container image with buildah and smoke-tests it on loopback: readiness, tokens, health probe, SIGTERM.
set -euo pipefail

repoRoot="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
javaFeature="${JAVA_FEATURE:-25}"
buildBaseImage="${BUILD_BASE_IMAGE:-localhost/rtm-build-base:jdk${javaFeature}}"
runtimeBaseImage="${RUNTIME_BASE_IMAGE:-localhost/rtm-runtime-base:jdk${javaFeature}}"
imageName="${SMOKE_IMAGE:-localhost/rtm-token-service:smoke-jdk${javaFeature}}"
memoryLimitMegabytes="${SMOKE_MEMORY_LIMIT_MB:-512}"
buildTimeoutSeconds="${BUILD_TIMEOUT_SECONDS:-1800}"
readyTimeoutSeconds="${READY_TIMEOUT_SECONDS:-120}"
requestTimeoutSeconds=5
stopTimeoutSeconds="${STOP_TIMEOUT_SECONDS:-45}"
apiPort=8080
managementPort=8081
# Fake but well-formed credentials: the smoke test never talks to Agora.
smokeAppId=0123456789abcdef0123456789abcdef
smokeAppCertificate=fedcba9876543210fedcba9876543210
# Extra container settings, space-separated NAME=value pairs (for example MANAGEMENT_SERVER_PORT=8081).
extraContainerEnvironment="${SMOKE_CONTAINER_ENV:-}"
# true: keep every build step as an image for reuse; the vfs driver stores each as a full copy (about 10 GB).
layerCache="${SMOKE_LAYER_CACHE:-false}"
# true: test the already built image as it is (for repeated measurements).
skipBuild="${SMOKE_SKIP_BUILD:-false}"
# Build and container output are kept here for inspection after the run.
logDir="${SMOKE_LOG_DIR:-/tmp/rtm-smoke-logs}"
buildahOptions=(--storage-driver vfs)

workDir=""
container=""
mountDir=""
launcherPid=""
javaPid=""
imageUser=""
imageWorkDir=""

log() {
    printf '[container-smoke] %s\n' "$*" >&2
}

fail() {
    log "FAILED: $*"
    if [[ -n "$workDir" && -s "$workDir/container.log" ]]; then
        log "last lines of the container output:"
        tail -n 40 "$workDir/container.log" >&2
    fi
    exit 1
}

cleanup() {
    local exitCode=$?
    if [[ -n "$launcherPid" ]] && kill -0 "$launcherPid" 2>/dev/null; then
        [[ -n "$javaPid" ]] && kill -KILL "$javaPid" 2>/dev/null || true
        kill -KILL "$launcherPid" 2>/dev/null || true
        wait "$launcherPid" 2>/dev/null || true
    fi
    if [[ -n "$container" ]]; then
        buildah "${buildahOptions[@]}" umount "$container" >/dev/null 2>&1 || true
        buildah "${buildahOptions[@]}" rm "$container" >/dev/null 2>&1 || true
    fi
    if [[ -n "$workDir" ]]; then
        mkdir -p "$logDir"
        cp -f "$workDir"/*.log "$logDir"/ 2>/dev/null || true
        rm -rf "$workDir"
    fi
    exit "$exitCode"
}

installTools() {
    [[ "$(id -u)" -eq 0 ]] || fail "must run as root (buildah with the vfs driver and namespaces need it)"
    local missing=()
    command -v buildah >/dev/null || missing+=(buildah)
    command -v debootstrap >/dev/null || missing+=(debootstrap)
    command -v curl >/dev/null || missing+=(curl)
    command -v ip >/dev/null || missing+=(iproute2)
    command -v nsenter >/dev/null || missing+=(util-linux)
    if ((${#missing[@]} > 0)); then
        log "installing ${missing[*]}"
        timeout 600 apt-get update -qq || fail "apt-get update failed"
        DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq "${missing[@]}" >/dev/null \
            || fail "apt-get install ${missing[*]} failed"
    fi
}

buildBaseImages() {
    JAVA_FEATURE="$javaFeature" BUILD_BASE_IMAGE="$buildBaseImage" RUNTIME_BASE_IMAGE="$runtimeBaseImage" \
        timeout 1200 "$repoRoot/scripts/build-base-images.sh" || fail "building the base images failed"
}

buildImage() {
    log "building $imageName (base images $buildBaseImage, $runtimeBaseImage)"
    local startSeconds=$SECONDS
    timeout "$buildTimeoutSeconds" buildah "${buildahOptions[@]}" bud --isolation chroot --layers="$layerCache" \
        --format docker \
        --build-arg "BUILD_IMAGE=$buildBaseImage" --build-arg "RUNTIME_IMAGE=$runtimeBaseImage" \
        -t "$imageName" "$repoRoot" >"$workDir/build.log" 2>&1 \
        || { tail -n 60 "$workDir/build.log" >&2; fail "image build failed or exceeded ${buildTimeoutSeconds} s"; }
    log "image built in $((SECONDS - startSeconds)) s"
    if [[ "$layerCache" != true ]]; then
        # Images left untagged by earlier builds only take disk space.
        buildah "${buildahOptions[@]}" rmi --prune >/dev/null 2>&1 || true
    fi
}

imageConfig() {
    buildah "${buildahOptions[@]}" inspect --type image --format "$1" "$imageName"
}

checkImageConfig() {
    imageUser="$(imageConfig '{{.Docker.Config.User}}')"
    imageWorkDir="$(imageConfig '{{.Docker.Config.WorkingDir}}')"
    [[ "$imageUser" =~ ^[1-9][0-9]*(:[0-9]+)?$ ]] || fail "image user '$imageUser' is not a numeric non-root user"
    local exposed environment healthcheck
    exposed="$(imageConfig '{{range $port, $unused := .Docker.Config.ExposedPorts}}{{$port}} {{end}}')"
    [[ "$exposed" == *'8080/tcp'* && "$exposed" == *'8081/tcp'* ]] || fail "image exposes '$exposed'"
    environment="$(imageConfig '{{range .Docker.Config.Env}}{{println .}}{{end}}')"
    if grep -qE '^(AGORA_|RTM_TOKEN_)' <<<"$environment"; then
        fail "image configuration sets credentials or service settings in its environment"
    fi
    healthcheck="$(imageConfig '{{if .Docker.Config.Healthcheck}}{{index .Docker.Config.Healthcheck.Test 0}}{{end}}')"
    [[ "$healthcheck" == CMD ]] || fail "image has no exec-form HEALTHCHECK"
    local size
    size="$(buildah "${buildahOptions[@]}" images --format '{{.Size}}' "$imageName" | head -n 1)"
    log "image config ok: user $imageUser, workdir $imageWorkDir, size $size"
}

# Writes the environment of the container (image ENV plus run-time settings) to a file readable by root only.
writeContainerEnvironment() {
    local envFile="$workDir/container.env"
    local line javaToolOptions=""
    : >"$envFile"
    chmod 600 "$envFile"
    while IFS= read -r line; do
        [[ -z "$line" ]] && continue
        if [[ "$line" == JAVA_TOOL_OPTIONS=* ]]; then
            javaToolOptions="${line#JAVA_TOOL_OPTIONS=}"
            continue
        fi
        printf 'export %q\n' "$line" >>"$envFile"
    done < <(imageConfig '{{range .Docker.Config.Env}}{{println .}}{{end}}')
    # No cgroup limit applies here, so the JVM is told the memory size a container limit would give it.
    printf 'export %q\n' "JAVA_TOOL_OPTIONS=$javaToolOptions -XX:MaxRAM=${memoryLimitMegabytes}m" >>"$envFile"
    printf 'export %q\n' "AGORA_APP_ID=$smokeAppId" "AGORA_APP_CERTIFICATE=$smokeAppCertificate" \
        "RTM_TOKEN_AUTH_MODE=none" >>"$envFile"
    local setting
    for setting in $extraContainerEnvironment; do
        printf 'export %q\n' "$setting" >>"$envFile"
    done
}

# Runs the image's command like a container runtime would: new mount, PID and network namespaces (loopback only),
# read-only root file system, tmpfs on /tmp, numeric image user, so the JVM is PID 1 of its namespace.
startContainer() {
    container="$(buildah "${buildahOptions[@]}" from "$imageName")"
    mountDir="$(buildah "${buildahOptions[@]}" mount "$container")"
    local command=()
    mapfile -t command < <(imageConfig '{{range .Docker.Config.Entrypoint}}{{println .}}{{end}}'
        imageConfig '{{range .Docker.Config.Cmd}}{{println .}}{{end}}')
    local userId="${imageUser%%:*}" groupId="${imageUser#*:}"
    [[ "$groupId" == "$imageUser" ]] && groupId="$userId"
    cat >"$workDir/launch.sh" <<'LAUNCH'
set -euo pipefail
rootDir="$1" workingDir="$2" userId="$3" groupId="$4" envFile="$5"
shift 5
mount --bind "$rootDir" "$rootDir"
mount -o remount,bind,ro "$rootDir"
mount -t proc proc "$rootDir/proc"
mount -t tmpfs -o mode=1777,size=64m tmpfs "$rootDir/tmp"
mount --bind /dev "$rootDir/dev"
ip link set lo up
set -a
. "$envFile"
set +a
rm -f "$envFile"
exec unshare --root="$rootDir" --wd="${workingDir:-/}" --setuid "$userId" --setgid "$groupId" -- "$@"
LAUNCH
    writeContainerEnvironment
    log "starting: ${command[*]}"
    startNanos="$(date +%s%N)"
    env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin unshare --mount --pid --net --fork --kill-child \
        bash "$workDir/launch.sh" "$mountDir" "$imageWorkDir" "$userId" "$groupId" "$workDir/container.env" \
        "${command[@]}" >"$workDir/container.log" 2>&1 &
    launcherPid=$!
    local deadline=$((SECONDS + 10)) child=""
    while ((SECONDS < deadline)); do
        child="$(cat "/proc/$launcherPid/task/$launcherPid/children" 2>/dev/null || true)"
        child="${child%% *}"
        if [[ -n "$child" && "$(cat "/proc/$child/comm" 2>/dev/null)" == java ]]; then
            javaPid="$child"
            break
        fi
        kill -0 "$launcherPid" 2>/dev/null || fail "the container exited at start"
        sleep 0.05
    done
    [[ -n "$javaPid" ]] || fail "no java process appeared within 10 s"
}

# Runs a command in the container's network namespace (loopback only).
inContainerNetwork() {
    nsenter --target "$javaPid" --net -- "$@"
}

httpGet() {
    inContainerNetwork curl -sS --max-time "$requestTimeoutSeconds" "$@"
}

waitUntilReady() {
    local deadline=$((SECONDS + readyTimeoutSeconds))
    while ((SECONDS < deadline)); do
        kill -0 "$javaPid" 2>/dev/null || fail "the service exited before it became ready"
        if httpGet -o /dev/null -f "http://127.0.0.1:$managementPort/actuator/health" 2>/dev/null; then
            readyMillis=$((($(date +%s%N) - startNanos) / 1000000))
            readyCpuMillis="$(cpuMillis)"
            log "ready: start-to-ready ${readyMillis} ms (command start to the first 200 of /actuator/health)," \
                "JVM CPU time until then ${readyCpuMillis} ms"
            grep -m 1 -o 'Started .* in [0-9.]* seconds.*' "$workDir/container.log" >&2 || true
            return
        fi
        sleep 0.1
    done
    fail "not ready within ${readyTimeoutSeconds} s"
}

# User plus system CPU time of the JVM so far; unlike wall time it hardly depends on other load on the machine.
cpuMillis() {
    local ticksPerSecond stat
    ticksPerSecond="$(getconf CLK_TCK)"
    stat="$(cat "/proc/$javaPid/stat")"
    stat="${stat##*) }"
    awk -v ticks="$ticksPerSecond" '{ printf "%.0f", ($12 + $13) * 1000 / ticks }' <<<"$stat"
}

residentMegabytes() {
    awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$javaPid/status"
}

checkHealth() {
    local body
    body="$(httpGet -f "http://127.0.0.1:$managementPort/actuator/health")" || fail "/actuator/health is not 200"
    [[ "$body" == *'"status":"UP"'* ]] || fail "/actuator/health is not UP: $body"
    local probe
    for probe in liveness readiness; do
        httpGet -o /dev/null -f "http://127.0.0.1:$managementPort/actuator/health/$probe" \
            || fail "/actuator/health/$probe did not answer 200 (are health probes enabled?)"
    done
    body="$(httpGet -f "http://127.0.0.1:$managementPort/actuator/prometheus")" || fail "/actuator/prometheus: not 200"
    [[ "$body" == *jvm_memory_used_bytes* ]] || fail "/actuator/prometheus has no JVM metrics"
    log "health UP, liveness, readiness and metrics 200 on port $managementPort"
}

checkToken() {
    local query="$1" expectedPrefix="$2" body
    body="$(httpGet -f "http://127.0.0.1:$apiPort/rtm-token?$query")" || fail "GET /rtm-token?$query failed"
    [[ "$body" == *"\"token\":\"$expectedPrefix"* ]] || fail "GET /rtm-token?$query gave no $expectedPrefix token"
    [[ "$body" == *'"userAccount":"alice"'* ]] || fail "GET /rtm-token?$query did not echo the user account"

    # The image's own inspection checks the signature with the certificate it was started with.
    local token report
    token="$(sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$body")"
    report="$(httpGet -f -H 'Content-Type: application/json' \
        --data "{\"token\":\"$token\",\"userAccount\":\"alice\"}" "http://127.0.0.1:$apiPort/rtm-token/inspect")" \
        || fail "POST /rtm-token/inspect failed for the $expectedPrefix token"
    [[ "$report" == *'"signatureValid":true'* && "$report" == *'"signedWith":"primary"'* ]] \
        || fail "the $expectedPrefix token does not verify with the configured certificate: $report"
    log "GET /rtm-token?$query -> $expectedPrefix token, signature valid under the configured certificate"
}

# Runs the image's HEALTHCHECK command inside the running container, as the image user.
checkImageHealthcheck() {
    local test=() environment=()
    mapfile -t test < <(imageConfig '{{range .Docker.Config.Healthcheck.Test}}{{println .}}{{end}}')
    mapfile -t environment < <(imageConfig '{{range .Docker.Config.Env}}{{println .}}{{end}}')
    local startMillis
    startMillis=$(($(date +%s%N) / 1000000))
    nsenter --target "$javaPid" --net --mount --pid --root --wd -S "${imageUser%%:*}" -G "${imageUser#*:}" -- \
        /usr/bin/env -i "${environment[@]}" timeout 10 "${test[@]:1}" >"$workDir/healthcheck.log" 2>&1 \
        || { cat "$workDir/healthcheck.log" >&2; fail "the image HEALTHCHECK command failed"; }
    log "image HEALTHCHECK command passed in $(($(date +%s%N) / 1000000 - startMillis)) ms"
}

stopContainer() {
    local rssMegabytes
    rssMegabytes="$(residentMegabytes)"
    log "RSS after serving requests: ${rssMegabytes} MB (JVM sized for ${memoryLimitMegabytes} MB)"
    log "sending SIGTERM to the JVM (PID 1 of the container)"
    kill -TERM "$javaPid"
    local deadline=$((SECONDS + stopTimeoutSeconds))
    while kill -0 "$javaPid" 2>/dev/null && ((SECONDS < deadline)); do
        sleep 0.1
    done
    kill -0 "$javaPid" 2>/dev/null && fail "the JVM did not exit within ${stopTimeoutSeconds} s of SIGTERM"
    local exitCode=0
    wait "$launcherPid" || exitCode=$?
    launcherPid=""
    # A JVM that ran its shutdown hooks after SIGTERM exits with 143 (128 + 15).
    [[ "$exitCode" -eq 0 || "$exitCode" -eq 143 ]] || fail "the JVM exited with $exitCode after SIGTERM"
    if grep -qE 'Exception|ERROR' "$workDir/container.log"; then
        fail "the container output has errors"
    fi
    grep -q 'Graceful shutdown complete' "$workDir/container.log" || fail "no graceful shutdown in the output"
    log "graceful shutdown and clean exit after SIGTERM (exit code $exitCode)"
    summary="start-to-ready ${readyMillis} ms (CPU ${readyCpuMillis} ms), RSS ${rssMegabytes} MB"
}

main() {
    local startSeconds=$SECONDS
    trap cleanup EXIT
    workDir="$(mktemp -d /tmp/rtm-smoke.XXXXXX)"
    installTools
    if [[ "$skipBuild" == true ]]; then
        log "testing the existing image $imageName without rebuilding it"
    else
        buildBaseImages
        buildImage
    fi
    checkImageConfig
    startContainer
    waitUntilReady
    checkHealth
    checkToken "userAccount=alice" "006"
    checkToken "userAccount=alice&version=007" "007"
    checkImageHealthcheck
    stopContainer
    log "PASSED in $((SECONDS - startSeconds)) s: $summary"
}

main "$@"
