#!/bin/bash
# A throw-away PostgreSQL server for the sync tests, on 127.0.0.1 only.
#   pg-test-server.sh start DIR PORT   initdb + start; role "rework" (password rework-test), database "rework"
#   pg-test-server.sh stop DIR         fast stop (the cluster stays for a restart)
#   pg-test-server.sh restart DIR      start a stopped cluster again
#   pg-test-server.sh psql DIR SQL     run SQL as the superuser
#   pg-test-server.sh timed DIR SQL    ... and print how many ms it took
#   pg-test-server.sh ssl DIR          ssl on, with a self-signed certificate made out to "localhost"
#                                      (not 127.0.0.1): DIR/ca.crt trusts it, DIR/other-ca.crt does not
#   pg-test-server.sh hba DIR RULE     the TCP rule of pg_hba.conf becomes RULE, then a reload
# initdb refuses root, so as root the cluster belongs to the postgres user.
set -euo pipefail
cmd=$1
dir=$2
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
as_pg() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
port_of() { cat "$dir/port"; }
case $cmd in
start)
    port=$3
    mkdir -p "$dir"
    chmod 755 "$dir"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U postgres -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1
    echo "$port" >"$dir/port"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = off
CONF
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    as_pg "$bin/psql" -h "$dir" -p "$port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 \
        -c "CREATE ROLE rework LOGIN PASSWORD 'rework-test'" -c "CREATE DATABASE rework OWNER rework" >/dev/null
    ;;
stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
restart)
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w start >/dev/null
    ;;
psql)
    as_pg "$bin/psql" -h "$dir" -p "$(port_of)" -U postgres -d rework -q -t -A -v ON_ERROR_STOP=1 -c "$3"
    ;;
timed)
    # Runs SQL with psql's \timing; prints the server-side milliseconds.
    as_pg "$bin/psql" -h "$dir" -p "$(port_of)" -U postgres -d rework -q -v ON_ERROR_STOP=1 \
        -c '\timing on' -c "$3" | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p'
    ;;
ssl)
    for name in server other; do
        openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 \
            -subj "/CN=localhost" -addext "subjectAltName=DNS:localhost" \
            -keyout "$dir/$name.key" -out "$dir/$name.crt" >/dev/null 2>&1
    done
    chmod 600 "$dir/server.key"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/server.key" "$dir/server.crt"
    cp "$dir/server.crt" "$dir/ca.crt"
    cp "$dir/other.crt" "$dir/other-ca.crt"
    chmod 644 "$dir/ca.crt" "$dir/other-ca.crt"
    cat >>"$dir/data/postgresql.conf" <<CONF
ssl = on
ssl_cert_file = '$dir/server.crt'
ssl_key_file = '$dir/server.key'
CONF
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -m fast -w restart >/dev/null
    ;;
hba)
    printf 'local all all trust\n%s\n' "$3" >"$dir/data/pg_hba.conf"
    as_pg "$bin/pg_ctl" -D "$dir/data" reload >/dev/null
    sleep 0.3 # the postmaster rereads it on SIGHUP, asynchronously
    ;;
destroy)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
*)
    echo "usage: $0 start DIR PORT | stop DIR | restart DIR | psql DIR SQL | destroy DIR" >&2
    exit 2
    ;;
esac
