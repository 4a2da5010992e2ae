#!/bin/sh
# Creates and starts a hawkBit rollout of a distribution set.
set -eu
usage() {
    cat >&2 <<USAGE
usage: fleet-rollout.sh SERVER NAME DS_ID FILTER GROUPS [SUCCESS% ERROR%]

Rolls distribution set DS_ID out to the targets matching FILTER (hawkBit RSQL, e.g. 'controllerId==shop-*')
in GROUPS equal groups. The next group starts once SUCCESS% (default 100) of a group finished; the rollout
pauses once more than ERROR% (default 0, i.e. any error) of a group failed. Prints the rollout id.
Credentials: HAWKBIT_USER, HAWKBIT_PASSWORD (default admin/admin).
USAGE
    exit 2
}
[ $# -eq 5 ] || [ $# -eq 7 ] || usage
. "$(dirname "$0")/fleet-lib.sh"
SERVER=$1; NAME=$2; DS=$3; FILTER=$4; GROUPS=$5
SUCCESS=${6:-100}; ERROR=${7:-0}
check_server
for n in "$DS" "$GROUPS" "$SUCCESS" "$ERROR"; do
    case $n in ''|*[!0-9]*) die "DS_ID, GROUPS, SUCCESS% and ERROR% must be whole numbers, not '$n'." ;; esac
done

body="{\"name\":\"$(js "$NAME")\",\"distributionSetId\":$DS,\"targetFilterQuery\":\"$(js "$FILTER")\",\"amountGroups\":$GROUPS,\"type\":\"forced\",\
\"successCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"$SUCCESS\"},\"successAction\":{\"action\":\"NEXTGROUP\",\"expression\":\"\"},\
\"errorCondition\":{\"condition\":\"THRESHOLD\",\"expression\":\"$ERROR\"},\"errorAction\":{\"action\":\"PAUSE\",\"expression\":\"\"}}"
id=$(api POST /rollouts "$body" | last_id)
[ -n "$id" ] || die "hawkBit did not give an id for rollout $NAME."

# hawkBit creates the groups in the background: start only once the rollout is ready
tries=0
while :; do
    status=$(api GET "/rollouts/$id" | sed -n 's/.*"status":"\([a-z_]*\)".*/\1/p' | head -n 1)
    [ "$status" = ready ] && break
    tries=$((tries + 1))
    [ $tries -le 60 ] || die "Rollout $id was still '$status' after 60 seconds, not started."
    sleep 1
done
api POST "/rollouts/$id/start" >/dev/null
say "started rollout $NAME (id $id) of distribution set $DS over '$FILTER' in $GROUPS groups"
echo "$id"
