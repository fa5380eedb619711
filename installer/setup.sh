#!/usr/bin/env bash
# Installs the Debian packages Socket Lab needs (only those missing), builds it, then runs
# the app or its tests.
#
#   installer/setup.sh run [-- APP ARGS]   build and launch the window
#   installer/setup.sh test                build with warnings as errors and run every test headless
#   installer/setup.sh test-asan           the same under AddressSanitizer, UndefinedBehaviorSanitizer
#                                          and LeakSanitizer (preset asan, build-asan/)
#   installer/setup.sh test-tsan           the suites that cross between the network thread and the
#                                          UI thread, under ThreadSanitizer (preset tsan, build-tsan/)
#   installer/setup.sh fuzz [SECONDS]      build the libFuzzer targets with clang and run each for
#                                          SECONDS (default 30) on a copy of its seed corpus
#   installer/setup.sh package             build Release and write build/packages/socketlab_<version>_<arch>.deb
#                                          and .tar.gz, then check what they hold
#   installer/setup.sh bench [-- ARGS]     build, then benchmark against a reference server
#   installer/setup.sh build               build only
#   installer/setup.sh deps                install the packages only
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

action="${1:-run}"
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift

say() { printf '==> %s\n' "$*"; }

install_packages() {
    local wanted=() missing=()
    mapfile -t wanted < <(grep -v '^\s*#' "$here/debian-packages.txt" | grep -v '^\s*$')
    for pkg in "${wanted[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if [ ${#missing[@]} -eq 0 ]; then
        say "All packages present"
        return
    fi
    say "Installing: ${missing[*]}"
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            sudo=(sudo)
        else
            echo "setup.sh: these packages are missing and neither root nor sudo is available: ${missing[*]}" >&2
            exit 1
        fi
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update
    "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
}

build() {
    local preset="$1"
    say "Configuring ($preset)"
    cmake --preset "$preset"
    say "Building"
    cmake --build --preset "$preset" --parallel "$(nproc 2>/dev/null || echo 2)"
}

case "$action" in
    deps)
        install_packages
        ;;
    build)
        install_packages
        build default
        ;;
    run)
        install_packages
        build default
        say "Launching build/socketlab"
        exec "$root/build/socketlab" "$@"
        ;;
    bench)
        install_packages
        build default
        say "Benchmarking (socketlab-bench --help for the options)"
        exec "$root/build/bench/socketlab-bench" "$@"
        ;;
    package)
        install_packages
        say "Configuring (release)"
        cmake --preset release
        say "Building"
        cmake --build --preset release --parallel "$(nproc 2>/dev/null || echo 2)"
        say "Packaging"
        rm -rf "$root/build-release/packages"
        (cd "$root/build-release" && cpack --config CPackConfig.cmake)
        mkdir -p "$root/build/packages"
        cp "$root"/build-release/packages/socketlab_*.deb "$root"/build-release/packages/socketlab_*.tar.gz \
            "$root/build/packages/"
        "$here/check-package.sh" "$root"/build/packages/socketlab_*.deb
        say "Packages in build/packages/:"
        ls -1 "$root"/build/packages/
        ;;
    test)
        install_packages
        build ci
        say "Running the tests headless"
        export QT_QPA_PLATFORM=offscreen
        ctest --preset ci --parallel 2
        ;;
    test-asan | test-tsan)
        install_packages
        preset="${action#test-}"
        build "$preset"
        say "Running the tests headless under the $preset preset"
        export QT_QPA_PLATFORM=offscreen
        ctest --preset "$preset" --parallel 2
        ;;
    fuzz)
        install_packages
        build fuzz
        seconds="${1:-30}"
        # libFuzzer adds what it finds to the corpus directory: work on a copy, never the repo.
        work="$(mktemp -d)"
        trap 'rm -rf "$work"' EXIT
        artifacts="$root/build-fuzz/artifacts"
        mkdir -p "$artifacts"
        for corpus in "$root"/tests/fuzz/corpus/*/; do
            target="$(basename "$corpus")"
            cp -r "$corpus" "$work/$target"
            say "Fuzzing $target for ${seconds}s (crashing inputs go to $artifacts)"
            "$root/build-fuzz/tests/fuzz/$target" -max_total_time="$seconds" -timeout=10 \
                -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/$target-" \
                "$work/$target"
        done
        ;;
    *)
        echo "usage: installer/setup.sh run|test|test-asan|test-tsan|fuzz|package|bench|build|deps" >&2
        exit 2
        ;;
esac
