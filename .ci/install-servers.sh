#!/usr/bin/env bash
# Install the real SPARQL servers that tests/servers starts: the Oxigraph server binary (the PyPI
# package `oxigraph`, no JVM) and Virtuoso Open Source (the Debian package, which needs root).
# Run by .ci/run before the tests; safe to run again. A server that cannot be installed is
# reported here and its tests skip with the reason (they need the binary, nothing else).
set -uo pipefail

say() { echo "install-servers: $*" >&2; }

if command -v oxigraph >/dev/null 2>&1; then
  say "oxigraph present: $(oxigraph --version 2>/dev/null)"
else
  python3 -m pip install -q "oxigraph>=0.5,<0.6" \
    || python3 -m pip install -q --user "oxigraph>=0.5,<0.6" \
    || say "could not install oxigraph: the Oxigraph server tests will skip"
  if command -v pyenv >/dev/null 2>&1; then pyenv rehash || true; fi
fi

if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  say "Virtuoso present: $(virtuoso-t -? 2>&1 | grep -m1 -i version)"
elif [ "$(id -u)" != "0" ]; then
  say "not root: Virtuoso not installed (sudo apt-get install virtuoso-opensource); its tests will skip"
elif ! command -v apt-get >/dev/null 2>&1; then
  say "no apt-get: Virtuoso not installed; its tests will skip"
else
  export DEBIAN_FRONTEND=noninteractive
  # the package's service does not start in containers (policy-rc.d): the tests start their own
  { apt-get update -q && apt-get install -y -q --no-install-recommends virtuoso-opensource; } >/tmp/install-virtuoso.log 2>&1 \
    && say "Virtuoso installed" \
    || { tail -5 /tmp/install-virtuoso.log >&2; say "could not install Virtuoso: its tests will skip"; }
fi
exit 0
