#!/usr/bin/env bash
# `pnpm test`: every package's tests, in four lanes on two cores (one lane alone leaves a core
# idle: most of a suite's time is waiting on a server). Left to itself turbo starts the browser
# flows, the longest suite, last, behind every small suite; here they start first. The API suite
# runs in two halves, each with its own PostgreSQL and Redis: its fuzz test alone takes about as
# long as all its other files together.
set -uo pipefail
cd "$(dirname "$0")/../.."

# The builds and generated code every suite needs, once (cache hits after `pnpm typecheck`),
# so that the lanes below run only their tests and never write the same outputs at once.
turbo run build || exit 1

# Runs part of the API suite, its lines named as turbo names every other suite's.
api_half() {
  local name=$1
  shift
  (cd apps/api && pnpm exec vitest run "$@") 2>&1 | sed -u "s/^/@garage\/api:$name: /"
}

pids=()
turbo run test --only --filter=@garage/e2e &
pids+=($!)
api_half fuzz test/fuzz.test.ts &
pids+=($!)
api_half test --exclude test/fuzz.test.ts &
pids+=($!)
turbo run test --only --filter='!@garage/e2e' --filter='!@garage/api' --concurrency=1
status=$?
for pid in "${pids[@]}"; do
  wait "$pid" || status=1
done
exit "$status"
