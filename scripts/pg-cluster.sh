#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a directory of its own, for tests, the
# demo and benchmarks.
#
#   scripts/pg-cluster.sh start DIR   initdb in DIR/data, start on a free port
#                                     of 127.0.0.1 with its socket in DIR, and
#                                     write DIR/env (PGHOST, PGPORT, PGUSER,
#                                     PGDATABASE, PATH) for callers to source
#   scripts/pg-cluster.sh stop DIR    stop the server and remove DIR
#
# As root, the server runs as $RECFAIR_OS_USER (postgres); clients may stay
# root, since they connect as the database superuser "postgres" over the
# socket with trust authentication, which only this machine can reach.
# Extra server settings can be passed in RECFAIR_PG_SETTINGS (lines of
# postgresql.conf), and extra environment for the server in RECFAIR_PG_ENV
# (NAME=value words separated by spaces, for example the LD_PRELOAD and
# ASAN_OPTIONS of `scripts/test.sh --sanitize`).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/pg-env.sh"

usage() { echo "usage: $0 start|stop DIR" >&2; exit 2; }
[ $# -eq 2 ] || usage
action=$1
dir=$2
bindir=$("$PG_CONFIG" --bindir)

port_in_use() {
	(exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

start() {
	mkdir -p "$dir"
	dir=$(cd "$dir" && pwd)
	if [ "$(id -u)" = 0 ]; then
		chown "$RECFAIR_OS_USER" "$dir"
	fi
	chmod 755 "$dir"
	as_server_user "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust \
		--no-locale -E UTF8 >"$dir/initdb.log" 2>&1 ||
		{ cat "$dir/initdb.log" >&2; exit 1; }
	as_server_user tee -a "$dir/data/postgresql.conf" >/dev/null <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 40
${RECFAIR_PG_SETTINGS:-}
CONF
	for attempt in $(seq 1 20); do
		port=$((20000 + RANDOM % 40000))
		port_in_use "$port" && continue
		# shellcheck disable=SC2086 # RECFAIR_PG_ENV is a list of words
		if as_server_user env ${RECFAIR_PG_ENV:-} "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
			-o "-p $port" -w -t 60 start >/dev/null; then
			cat >"$dir/env" <<ENV
export PGHOST='$dir' PGPORT='$port' PGUSER=postgres PGDATABASE=postgres
export PATH='$bindir':"\$PATH"
ENV
			echo "pg-cluster: PostgreSQL running in $dir on port $port"
			return 0
		fi
		# Another process took the port between the check and the bind.
		grep -q 'could not bind\|Address already in use' "$dir/server.log" || break
	done
	echo "pg-cluster: could not start PostgreSQL; server log:" >&2
	cat "$dir/server.log" >&2
	exit 1
}

stop() {
	[ -d "$dir" ] || return 0
	if [ -f "$dir/data/postmaster.pid" ]; then
		as_server_user "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 ||
			as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
	fi
	rm -rf "$dir"
}

case "$action" in
	start) start ;;
	stop) stop ;;
	*) usage ;;
esac
