# Shared by the fleet-*.sh scripts (POSIX sh + curl). Sourced, not run.
# Credentials: HAWKBIT_USER / HAWKBIT_PASSWORD (default admin/admin, the test server's).

HAWKBIT_USER=${HAWKBIT_USER:-admin}
HAWKBIT_PASSWORD=${HAWKBIT_PASSWORD:-admin}
PATCH_TYPE=patchbay-patch
BASELINE_TYPE=patchbay-baseline
SET_TYPE=patchbay

# die also works inside $(...): it stops the whole script (the TERM trap below), not only the subshell
# ($$ is the script's pid in every subshell; the mark keeps nested subshells from saying it twice)
DIE_MARK=${TMPDIR:-/tmp}/fleet-die.$$
die() {
    if [ ! -e "$DIE_MARK" ]; then
        echo "$*" >&2
        : >"$DIE_MARK"
    fi
    kill -TERM $$ 2>/dev/null
    exit 1
}
trap 'rm -f "$DIE_MARK"; exit 1' TERM
trap 'rm -f "$DIE_MARK"' EXIT

say() {
    echo "$*" >&2
}

command -v curl >/dev/null 2>&1 || die "curl is not installed."

# api METHOD PATH [JSON] [extra curl args...]: prints the answer body; dies on a non-2xx answer
api() {
    _m=$1; _p=$2; shift 2
    _d=
    if [ $# -gt 0 ]; then _d=$1; shift; fi
    if [ -n "$_d" ]; then
        _out=$(curl -sS -u "$HAWKBIT_USER:$HAWKBIT_PASSWORD" -H 'Content-Type: application/json' \
            -H 'Accept: application/json' -X "$_m" -d "$_d" -w '\n%{http_code}' "$@" "$SERVER/rest/v1$_p" 2>/dev/null) ||
            die "Could not reach hawkBit at $SERVER."
    else
        _out=$(curl -sS -u "$HAWKBIT_USER:$HAWKBIT_PASSWORD" -H 'Accept: application/json' \
            -X "$_m" -w '\n%{http_code}' "$@" "$SERVER/rest/v1$_p" 2>/dev/null) ||
            die "Could not reach hawkBit at $SERVER."
    fi
    _code=$(printf '%s\n' "$_out" | tail -n 1)
    _body=$(printf '%s\n' "$_out" | sed '$d')
    case $_code in
        2*) printf '%s\n' "$_body" ;;
        401) die "hawkBit refused the credentials of user $HAWKBIT_USER (HTTP 401) for $_m $_p." ;;
        *) die "hawkBit answered HTTP $_code to $_m $_p: $(printf '%s' "$_body" | sed -n 's/.*"message":"\([^"]*\)".*/\1/p')" ;;
    esac
}

# query PATH RSQL [curl args]: GET with ?q=RSQL url-encoded
query() {
    _qp=$1; _qq=$2; shift 2
    api GET "$_qp" "" -G --data-urlencode "q=$_qq" "$@"
}

# the entity's own id: the last "id":N of an answer (nested modules come before it)
last_id() {
    sed -n 's/.*"id":\([0-9][0-9]*\).*/\1/p' | tail -n 1
}

total() {
    sed -n 's/.*"total":\([0-9][0-9]*\).*/\1/p' | head -n 1
}

# JSON string contents: escape backslash and double quote
js() {
    printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g'
}

check_server() {
    case $SERVER in
        http://*|https://*) SERVER=${SERVER%/} ;;
        *) die "SERVER must be a URL such as http://127.0.0.1:8080, not '$SERVER'." ;;
    esac
}
