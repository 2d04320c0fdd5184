#!/bin/sh
# Starts one Bosun process: the first argument, or $BOSUN_APP, names it (worker, slack or discord).
set -eu
app="${1:-${BOSUN_APP:-worker}}"
case "$app" in
  worker | slack | discord) ;;
  *)
    echo "bosun: unknown app '$app' (expected worker, slack or discord)" >&2
    exit 64
    ;;
esac
# exec: node replaces the shell, so it receives SIGTERM itself and its exit code is the container's.
exec node --import /usr/local/lib/node_modules/tsx/dist/loader.mjs "apps/$app/src/main.ts"
