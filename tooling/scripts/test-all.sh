#!/usr/bin/env bash
# `pnpm test`: every package's tests, in three lanes on two cores. Left to itself turbo starts
# the browser flows, the longest suite, last, behind every small suite; here they start first,
# beside the API suite, and the small suites share the third lane. (Four lanes, the API suite
# split in two, were slower: each half ran three times as long beside the other.)
set -uo pipefail
cd "$(dirname "$0")/../.."

# The builds and generated code every suite needs, once (cache hits after `pnpm typecheck`),
# so that the lanes below run only their tests and never write the same outputs at once.
turbo run build || exit 1

turbo run test --only --filter=@garage/e2e &
e2e=$!
turbo run test --only --filter=@garage/api &
api=$!
turbo run test --only --filter='!@garage/e2e' --filter='!@garage/api' --concurrency=1
status=$?
wait "$api" || status=1
wait "$e2e" || status=1
exit "$status"
