#!/bin/sh
# Fleet rollback: pauses the running rollouts over FILTER, then rolls the previous distribution set out.
set -eu
usage() {
    cat >&2 <<USAGE
usage: fleet-rollback.sh SERVER NAME PREVIOUS_DS_ID FILTER [GROUPS]

hawkBit has no rollback of its own. This pauses every running rollout whose target filter is exactly FILTER
(so no further group gets the bad set), then starts a rollout NAME of PREVIOUS_DS_ID (the set to go back to,
e.g. the baseline set) over FILTER in GROUPS groups (default 1), pausing on any error. Prints its rollout id.
Credentials: HAWKBIT_USER, HAWKBIT_PASSWORD (default admin/admin).
USAGE
    exit 2
}
[ $# -eq 4 ] || [ $# -eq 5 ] || usage
. "$(dirname "$0")/fleet-lib.sh"
SERVER=$1; NAME=$2; DS=$3; FILTER=$4; GROUPS=${5:-1}
check_server

# 0.3.0M7 cannot search rollouts by status (only name, description, id): look at each
all=$(api GET "/rollouts?limit=500" | grep -o '"href":"[^"]*/rest/v1/rollouts/[0-9][0-9]*"' |
    sed 's/.*\/rollouts\/\([0-9]*\)"/\1/' | sort -u)
for id in $all; do
    rollout=$(api GET "/rollouts/$id")
    # -F: a filter is text, not a pattern (its * would match only repeats of the character before it)
    if printf '%s' "$rollout" | grep -qF '"status":"running"' &&
        printf '%s' "$rollout" | grep -qF "\"targetFilterQuery\":\"$(js "$FILTER")\""; then
        api POST "/rollouts/$id/pause" >/dev/null
        say "paused rollout $id"
    fi
done
exec sh "$(dirname "$0")/fleet-rollout.sh" "$SERVER" "$NAME" "$DS" "$FILTER" "$GROUPS" 100 0
