# Sourced by the other scripts: which PostgreSQL to use, and how to run a
# command as the unprivileged user that owns throwaway clusters.
#   PG_CONFIG        pg_config of the target server; by default that of
#                    RECFAIR_PG_MAJOR
#   RECFAIR_PG_MAJOR PostgreSQL major to use (15, 16, 17, 18); by default the
#                    distribution's: the major Debian's `postgresql` package
#                    depends on (15 on Debian 12, 17 on 13, 18 on testing),
#                    else the newest one installed
#   RECFAIR_OS_USER  OS user that runs the server when we are root (postgres)

# The major to use, from the settings above; empty if none can be told.
recfair_pg_major() {
	local major=
	if [ -n "${RECFAIR_PG_MAJOR:-}" ]; then
		major=$RECFAIR_PG_MAJOR
	elif [ -n "${PG_CONFIG:-}" ] && [ -x "$PG_CONFIG" ]; then
		major=$("$PG_CONFIG" --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
	else
		major=$( (dpkg-query -W -f='${Depends}\n' postgresql 2>/dev/null;
			apt-cache depends postgresql 2>/dev/null) | grep -oE 'postgresql-[0-9]+' | head -n 1 | cut -d- -f2)
		[ -n "$major" ] || major=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -n 1)
	fi
	echo "$major"
}

if [ -z "${PG_CONFIG:-}" ]; then
	# (scripts/install-deps.sh installs it when it is missing)
	PG_CONFIG=/usr/lib/postgresql/$(recfair_pg_major)/bin/pg_config
	[ "$PG_CONFIG" != /usr/lib/postgresql//bin/pg_config ] || PG_CONFIG=$(command -v pg_config || echo pg_config)
fi
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
