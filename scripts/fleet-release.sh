#!/bin/sh
# Publishes a patch jar on hawkBit as a distribution set, or creates the empty "baseline" set.
set -eu
usage() {
    cat >&2 <<USAGE
usage: fleet-release.sh SERVER PATCH.jar [NAME VERSION]
       fleet-release.sh SERVER --baseline NAME VERSION

Creates (where missing) the module types patchbay-patch and patchbay-baseline and the set type patchbay,
a software module NAME VERSION (default: from the file name NAME-VERSION.jar) with the jar as its artifact,
and a distribution set NAME VERSION holding it. Prints the distribution set id.
--baseline: a set with no patch, only a patchbay-baseline marker module (hawkBit cannot assign an empty set);
a target that installs it reverts to no patches.
Credentials: HAWKBIT_USER, HAWKBIT_PASSWORD (default admin/admin).
USAGE
    exit 2
}
[ $# -ge 2 ] || usage
. "$(dirname "$0")/fleet-lib.sh"
SERVER=$1
check_server

ensure_module_type() { # KEY NAME MAX -> id
    _id=$(query /softwaremoduletypes "key==$1" | last_id)
    [ -n "$_id" ] || _id=$(api POST /softwaremoduletypes "[{\"key\":\"$1\",\"name\":\"$2\",\"maxAssignments\":$3}]" | last_id)
    echo "$_id"
}

ensure_types() {
    _patch=$(ensure_module_type "$PATCH_TYPE" "Patchbay patch" 1000)
    _base=$(ensure_module_type "$BASELINE_TYPE" "Patchbay baseline" 1)
    if [ -z "$(query /distributionsettypes "key==$SET_TYPE" | last_id)" ]; then
        api POST /distributionsettypes "[{\"key\":\"$SET_TYPE\",\"name\":\"Patchbay patch set\",\"optionalmodules\":[{\"id\":$_patch},{\"id\":$_base}]}]" >/dev/null
    fi
}

ensure_module() { # TYPE NAME VERSION -> id
    _id=$(query /softwaremodules "name==$2;version==$3" | last_id)
    if [ -z "$_id" ]; then
        _id=$(api POST /softwaremodules "[{\"name\":\"$(js "$2")\",\"version\":\"$(js "$3")\",\"type\":\"$1\"}]" | last_id)
        say "created software module $2 $3 (id $_id)"
    fi
    echo "$_id"
}

ensure_set() { # NAME VERSION MODULE_ID -> id
    _id=$(query /distributionsets "name==$1;version==$2" | last_id)
    if [ -z "$_id" ]; then
        _id=$(api POST /distributionsets "[{\"name\":\"$(js "$1")\",\"version\":\"$(js "$2")\",\"type\":\"$SET_TYPE\",\"modules\":[{\"id\":$3}]}]" | last_id)
        say "created distribution set $1 $2 (id $_id)"
    fi
    [ -n "$_id" ] || die "hawkBit did not give an id for distribution set $1 $2."
    echo "$_id"
}

if [ "$2" = --baseline ]; then
    [ $# -eq 4 ] || usage
    ensure_types
    module=$(ensure_module "$BASELINE_TYPE" "$3" "$4")
    ensure_set "$3" "$4" "$module"
    exit 0
fi

JAR=$2
[ -f "$JAR" ] || die "No patch jar at $JAR."
FILE=$(basename "$JAR")
if [ $# -ge 4 ]; then
    NAME=$3; VERSION=$4
elif [ $# -eq 2 ]; then
    stem=${FILE%.jar}
    NAME=${stem%-*}; VERSION=${stem##*-}
    [ "$NAME" != "$stem" ] && [ -n "$NAME" ] && [ -n "$VERSION" ] ||
        die "Cannot tell NAME and VERSION from the file name $FILE: give them after the jar."
else
    usage
fi

ensure_types
module=$(ensure_module "$PATCH_TYPE" "$NAME" "$VERSION")
if ! api GET "/softwaremodules/$module/artifacts" | grep -qF "\"providedFilename\":\"$(js "$FILE")\""; then
    api POST "/softwaremodules/$module/artifacts" "" -F "file=@$JAR" >/dev/null
    say "uploaded $FILE to software module $module"
fi
ensure_set "$NAME" "$VERSION" "$module"
