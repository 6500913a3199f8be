#!/usr/bin/env bash
# Builds local Debian-based JDK (build) and JRE (runtime) base images with buildah, for container builds without Docker.
set -euo pipefail

javaFeature="${JAVA_FEATURE:-25}"
# Debian 12 (bookworm) ships OpenJDK 17; Debian 13 (trixie) ships OpenJDK 21 and 25.
if [[ "$javaFeature" == 17 ]]; then
    debianSuite="${DEBIAN_SUITE:-bookworm}"
else
    debianSuite="${DEBIAN_SUITE:-trixie}"
fi
debianMirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
workDir="${RTM_BASE_WORK_DIR:-/var/tmp/rtm-base-images}"
buildBaseImage="${BUILD_BASE_IMAGE:-localhost/rtm-build-base:jdk${javaFeature}}"
runtimeBaseImage="${RUNTIME_BASE_IMAGE:-localhost/rtm-runtime-base:jdk${javaFeature}}"
debianImage="localhost/rtm-debian:${debianSuite}"
# Locally added CA certificates (for example of a TLS-inspecting proxy) are trusted by the build image.
extraCaDir="${EXTRA_CA_DIR:-/usr/local/share/ca-certificates}"
buildahOptions=(--storage-driver vfs)

log() {
    printf '[build-base-images] %s\n' "$*" >&2
}

fail() {
    log "error: $*"
    exit 1
}

requireTools() {
    [[ "$(id -u)" -eq 0 ]] || fail "must run as root (debootstrap and buildah with the vfs driver need it)"
    local tool
    for tool in buildah debootstrap; do
        command -v "$tool" >/dev/null || fail "'$tool' is missing; install it with: apt-get install -y $tool"
    done
}

imageExists() {
    buildah "${buildahOptions[@]}" inspect --type image "$1" >/dev/null 2>&1
}

createRootfsArchive() {
    local suiteDir="$workDir/$debianSuite"
    local archive="$suiteDir/rootfs.tar"
    if [[ -s "$archive" ]]; then
        log "reusing $archive"
        return
    fi
    log "bootstrapping Debian $debianSuite from $debianMirror into $suiteDir/rootfs"
    rm -rf "$suiteDir/rootfs"
    mkdir -p "$suiteDir"
    debootstrap --variant=minbase --include=ca-certificates "$debianSuite" "$suiteDir/rootfs" "$debianMirror" \
        >"$suiteDir/debootstrap.log" 2>&1 || fail "debootstrap failed, see $suiteDir/debootstrap.log"
    printf '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n' >"$suiteDir/rootfs/etc/hosts"
    rm -rf "$suiteDir/rootfs/var/lib/apt/lists/"* "$suiteDir/rootfs/var/cache/apt/archives/"*.deb
    tar -C "$suiteDir/rootfs" --numeric-owner -cf "$archive.partial" .
    mv "$archive.partial" "$archive"
    rm -rf "$suiteDir/rootfs"
}

importDebianImage() {
    if imageExists "$debianImage"; then
        log "reusing $debianImage"
        return
    fi
    log "importing the root file system as $debianImage"
    local container
    container="$(buildah "${buildahOptions[@]}" from scratch)"
    buildah "${buildahOptions[@]}" add "$container" "$workDir/$debianSuite/rootfs.tar" / >/dev/null
    buildah "${buildahOptions[@]}" config \
        --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        --env LANG=C.UTF-8 --cmd /bin/bash "$container"
    buildah "${buildahOptions[@]}" commit --rm "$container" "$debianImage" >/dev/null
}

# Installs Debian packages into a container from the Debian image and commits it under the given name.
# The first argument after the name says whether to trust the host's extra CA certificates (true/false).
buildJavaImage() {
    local imageName="$1"
    local trustExtraCa="$2"
    shift 2
    if imageExists "$imageName"; then
        log "reusing $imageName"
        return
    fi
    log "building $imageName with: $*"
    local container
    container="$(buildah "${buildahOptions[@]}" from "$debianImage")"
    buildah "${buildahOptions[@]}" run --isolation chroot "$container" -- sh -c \
        "export DEBIAN_FRONTEND=noninteractive \
        && apt-get update -qq \
        && apt-get install -y -qq --no-install-recommends $* >/dev/null \
        && apt-get clean && rm -rf /var/lib/apt/lists/* \
        && java -version" || { buildah "${buildahOptions[@]}" rm "$container" >/dev/null; fail "installing $* failed"; }
    if [[ "$trustExtraCa" == true ]] && compgen -G "$extraCaDir/*.crt" >/dev/null; then
        log "trusting the CA certificates of $extraCaDir in $imageName"
        buildah "${buildahOptions[@]}" copy "$container" "$extraCaDir/" /usr/local/share/ca-certificates/ >/dev/null
        buildah "${buildahOptions[@]}" run --isolation chroot "$container" -- update-ca-certificates >/dev/null
    fi
    buildah "${buildahOptions[@]}" commit --rm "$container" "$imageName" >/dev/null
}

main() {
    requireTools
    local startSeconds=$SECONDS
    createRootfsArchive
    importDebianImage
    buildJavaImage "$buildBaseImage" true "openjdk-${javaFeature}-jdk-headless" curl
    buildJavaImage "$runtimeBaseImage" false "openjdk-${javaFeature}-jre-headless"
    log "base images ready in $((SECONDS - startSeconds)) s: $buildBaseImage $runtimeBaseImage"
}

main "$@"
