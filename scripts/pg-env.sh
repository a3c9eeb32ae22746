# Sourced by the other scripts: which PostgreSQL to use, and how to run a
# command as the unprivileged user that owns throwaway clusters.
#   PG_CONFIG       pg_config of the target server (default: Debian's 15)
#   RECFAIR_OS_USER OS user that runs the server when we are root (postgres)

: "${PG_CONFIG:=/usr/lib/postgresql/15/bin/pg_config}"
[ -x "$PG_CONFIG" ] || PG_CONFIG=$(command -v pg_config || echo "$PG_CONFIG")
export PG_CONFIG
: "${RECFAIR_OS_USER:=postgres}"

# Run a command as the server's OS user: initdb and postgres refuse root.
as_server_user() {
	if [ "$(id -u)" = 0 ]; then
		runuser -u "$RECFAIR_OS_USER" -- "$@"
	else
		"$@"
	fi
}
