#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a new cluster in a temporary folder, on a
# free loopback port, that lives only as long as the command. The command finds it in
# RIPASSO_TEST_DATABASE_URL (not DATABASE_URL: the app's own server, started by the end-to-end
# tests, stays on SQLite unless a test asks otherwise).
#
#   scripts/test-postgres.sh npx vitest run tests/unit/classroom-store.contract.test.ts
#
# Needs PostgreSQL's server programs (Debian: `apt-get install postgresql`; macOS: Homebrew's
# `postgresql`). As root, the cluster is run by the `postgres` user: initdb refuses root.
set -euo pipefail

bindir=""
if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then
	bindir="$(pg_config --bindir)"
fi
if [ -z "$bindir" ]; then
	# Debian keeps the server's programs out of PATH, one folder per major version.
	bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
fi
if [ -z "$bindir" ] && command -v initdb >/dev/null; then bindir="$(dirname "$(command -v initdb)")"; fi
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
	echo "test-postgres: PostgreSQL's server programs (initdb, pg_ctl) were not found." >&2
	# In CI the PostgreSQL tests must run; on a developer's machine they skip, saying so.
	if [ -n "${CI:-}" ]; then exit 1; fi
	echo "test-postgres: running without PostgreSQL; its contract tests will be skipped." >&2
	exec "$@"
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then as_owner=(runuser -u postgres --); fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/ripasso-pg.XXXXXX")"
if [ "${#as_owner[@]}" -gt 0 ]; then chown postgres "$dir"; fi
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop() {
	"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >"$dir/initdb.log" 2>&1 ||
	{ cat "$dir/initdb.log" >&2; exit 1; }
# Loopback only, the socket in the temporary folder; no fsync: the data is thrown away anyway.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
	-o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
	start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export RIPASSO_TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "test-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $RIPASSO_TEST_DATABASE_URL"
"$@"
