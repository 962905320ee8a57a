#!/usr/bin/env bash
# Takes a bare Debian server to a running multi-instance Broadsheet site:
#   PostgreSQL + Redis + N instances (systemd) behind nginx. Run as root from a checkout:
#
#     sudo deploy/install.sh --server-name news.example.org --site-url https://news.example.org
#
# The README section "Production: PostgreSQL + Redis" walks through the same steps.
#
# --local DIR runs the same steps without touching the system (no apt, users or systemd): the
# database and Redis named by --database-url/--redis-url, instances started as background
# processes from this checkout, nginx with its own prefix in DIR. The test suite uses it; it is
# also a quick way to try a multi-instance setup on a laptop. DIR/bin/ then holds
# start-instance PORT, stop-instance PORT and stop-all, the analogues of systemctl.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: deploy/install.sh [options]
  --instances N         instances to run (default 2)
  --first-port P        port of the first instance; the others follow (default 3001)
  --server-name NAME    nginx server_name (default _)
  --site-url URL        public origin (default http://NAME or http://localhost)
  --listen ADDR         nginx listen address (default 80)
  --demo N              seed N demo articles into an empty database (default 0: none)
  --app-dir DIR         where the application is installed (default /srv/broadsheet)
  --local DIR           safe local mode, everything under DIR (see the header of this file)
  --database-url URL    local mode: the PostgreSQL database to use
  --redis-url URL       local mode: the Redis server to use
  -h, --help            this text
USAGE
}

SOURCE_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
INSTANCES=2
FIRST_PORT=3001
SERVER_NAME=_
SITE_URL=
LISTEN=80
DEMO=0
APP_DIR=/srv/broadsheet
LOCAL_DIR=
DATABASE_URL_ARG=
REDIS_URL_ARG=

while [ $# -gt 0 ]; do
  case "$1" in
    --instances) INSTANCES=$2; shift 2 ;;
    --first-port) FIRST_PORT=$2; shift 2 ;;
    --server-name) SERVER_NAME=$2; shift 2 ;;
    --site-url) SITE_URL=$2; shift 2 ;;
    --listen) LISTEN=$2; shift 2 ;;
    --demo) DEMO=$2; shift 2 ;;
    --app-dir) APP_DIR=$2; shift 2 ;;
    --local) LOCAL_DIR=$2; shift 2 ;;
    --database-url) DATABASE_URL_ARG=$2; shift 2 ;;
    --redis-url) REDIS_URL_ARG=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
  esac
done

say() { printf '\n==> %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

[[ $INSTANCES =~ ^[1-9][0-9]?$ ]] || die "--instances must be a number from 1 to 99 (got $INSTANCES)"
[[ $FIRST_PORT =~ ^[0-9]+$ ]] && [ "$FIRST_PORT" -ge 1024 ] && [ $((FIRST_PORT + INSTANCES)) -le 65535 ] || die "--first-port must leave room for $INSTANCES port(s) above 1023 (got $FIRST_PORT)"
[[ $DEMO =~ ^[0-9]+$ ]] || die "--demo must be a whole number (got $DEMO)"
PORTS=$(seq "$FIRST_PORT" $((FIRST_PORT + INSTANCES - 1)))

# --- Paths and services: the only part that differs between the two modes ---------------------
if [ -n "$LOCAL_DIR" ]; then
  [ -n "$DATABASE_URL_ARG" ] && [ -n "$REDIS_URL_ARG" ] || die "--local needs --database-url and --redis-url"
  mkdir -p "$LOCAL_DIR"
  LOCAL_DIR=$(cd "$LOCAL_DIR" && pwd)
  APP_DIR=$SOURCE_DIR
  ETC_DIR=$LOCAL_DIR/etc
  MEDIA_DIR=$LOCAL_DIR/media
  CACHE_DIR=$LOCAL_DIR/nginx-cache
  RUN_USER=$(id -un)
  DATABASE_URL=$DATABASE_URL_ARG
  REDIS_URL=$REDIS_URL_ARG
else
  [ "$(id -u)" -eq 0 ] || die "run as root (or use --local DIR to try it without touching the system)"
  ETC_DIR=/etc/broadsheet
  MEDIA_DIR=/var/lib/broadsheet/media
  CACHE_DIR=/var/cache/nginx/broadsheet
  RUN_USER=broadsheet
  # Over the Unix socket with peer authentication: the broadsheet system user needs no password.
  DATABASE_URL='postgres://broadsheet@%2Fvar%2Frun%2Fpostgresql/broadsheet'
  REDIS_URL=redis://127.0.0.1:6379/0
fi
if [ -z "$SITE_URL" ]; then
  if [ "$SERVER_NAME" = _ ]; then SITE_URL=http://localhost; else SITE_URL=http://$SERVER_NAME; fi
  [ -n "$LOCAL_DIR" ] && SITE_URL=http://127.0.0.1:$LISTEN
fi
ENV_FILE=$ETC_DIR/broadsheet.env

render() { # render TEMPLATE OUTPUT: fills the @NAME@ placeholders shared by all templates
  local upstream=''
  for port in $PORTS; do upstream+="    server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'; done
  awk -v upstream="${upstream%$'\n'}" '{ if ($0 == "@UPSTREAM_SERVERS@") print upstream; else print }' "$1" |
    sed -e "s#@APP_DIR@#$APP_DIR#g" -e "s#@NODE@#$NODE#g" -e "s#@USER@#$RUN_USER#g" -e "s#@ENV_FILE@#$ENV_FILE#g" \
        -e "s#@MEDIA_DIR@#$MEDIA_DIR#g" -e "s#@CACHE_DIR@#$CACHE_DIR#g" -e "s#@LISTEN@#$LISTEN#g" \
        -e "s#@SERVER_NAME@#$SERVER_NAME#g" > "$2"
}

wait_ready() { # wait_ready URL: until /api/ready answers 200 (60 s)
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null --max-time 2 "$1/api/ready"; then return 0; fi
    sleep 0.5
  done
  curl -sS --max-time 2 "$1/api/ready" >&2 || true
  die "$1 did not become ready"
}

# --- 1. Packages --------------------------------------------------------------------------------
if [ -z "$LOCAL_DIR" ]; then
  say "Installing packages (PostgreSQL, Redis, nginx, Node.js)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql redis-server nginx curl ca-certificates >/dev/null
  # Search's PostgreSQL index (RUM) when the distribution has it; search works without it.
  PG_MAJOR=$(pg_config --version 2>/dev/null | sed -E 's/[^0-9]*([0-9]+).*/\1/' || true)
  [ -n "$PG_MAJOR" ] && apt-get install -y -qq "postgresql-$PG_MAJOR-rum" >/dev/null 2>&1 || true
  if ! command -v node >/dev/null || ! node -e 'process.exit(+process.versions.node.split(".")[0] >= 20 ? 0 : 1)'; then
    apt-get install -y -qq nodejs npm >/dev/null
  fi
fi
command -v node >/dev/null || die "Node.js is missing"
NODE=$(command -v node)
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=9)?0:1)' ||
  die "Broadsheet needs Node.js 20.9 or newer (found $(node --version)); Debian 13 ships it, on older releases install Node 20 first"
command -v nginx >/dev/null || die "nginx is missing"
command -v curl >/dev/null || die "curl is missing"

# --- 2. User, directories, application ---------------------------------------------------------
if [ -z "$LOCAL_DIR" ]; then
  say "Creating the broadsheet user and installing the application into $APP_DIR"
  id -u broadsheet >/dev/null 2>&1 || useradd --system --home-dir "$APP_DIR" --shell /usr/sbin/nologin broadsheet
  mkdir -p "$APP_DIR" "$MEDIA_DIR" "$ETC_DIR" "$CACHE_DIR"
  if [ "$SOURCE_DIR" != "$APP_DIR" ]; then
    tar -C "$SOURCE_DIR" --exclude=./node_modules --exclude=./.next --exclude=./data --exclude=./.git -cf - . | tar -C "$APP_DIR" -xf -
  fi
  chown -R broadsheet:broadsheet "$APP_DIR" "$MEDIA_DIR"
  chown -R www-data:www-data "$CACHE_DIR"
  (cd "$APP_DIR" && runuser -u broadsheet -- npm ci --no-audit --no-fund)
else
  mkdir -p "$ETC_DIR" "$MEDIA_DIR" "$CACHE_DIR" "$LOCAL_DIR/run" "$LOCAL_DIR/log" "$LOCAL_DIR/bin"
fi
mkdir -p "$APP_DIR/.next/cache"

# --- 3. Database and configuration -------------------------------------------------------------
if [ -z "$LOCAL_DIR" ]; then
  say "Creating the PostgreSQL role and database"
  systemctl enable --now postgresql redis-server
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_roles WHERE rolname = 'broadsheet'" | grep -q 1 ||
    runuser -u postgres -- createuser broadsheet
  runuser -u postgres -- psql -qtAc "SELECT 1 FROM pg_database WHERE datname = 'broadsheet'" | grep -q 1 ||
    runuser -u postgres -- createdb --owner broadsheet broadsheet
  runuser -u postgres -- psql -q -d broadsheet -c 'CREATE EXTENSION IF NOT EXISTS unaccent'
fi
if [ ! -f "$ENV_FILE" ]; then
  say "Writing $ENV_FILE"
  umask 077
  cat > "$ENV_FILE" <<ENV
DATABASE_URL=$DATABASE_URL
REDIS_URL=$REDIS_URL
SITE_URL=$SITE_URL
MEDIA_DIR=$MEDIA_DIR
# The front cache; a loaded instance needs ~300 MB besides it (ADR 027).
CACHE_MAX_MB=256
CACHE_S_MAXAGE=30
# nginx on this machine: believe its X-Forwarded-For, or every reader shares one address and one
# allowance in the per-address limits (sign-in, view counting).
TRUST_PROXY=127.0.0.1
ENV
  umask 022
  [ -z "$LOCAL_DIR" ] && chown root:broadsheet "$ENV_FILE" && chmod 640 "$ENV_FILE"
fi

as_app() { # as_app CMD...: runs in the application directory with the site's environment
  if [ -n "$LOCAL_DIR" ]; then
    (cd "$APP_DIR" && set -a && . "$ENV_FILE" && set +a && NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 "$@")
  else
    (cd "$APP_DIR" && set -a && . "$ENV_FILE" && set +a && NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 runuser -u broadsheet -- "$@")
  fi
}

say "Migrating the database"
as_app "$NODE" --import tsx scripts/migrate.ts
if [ "$DEMO" -gt 0 ]; then
  say "Seeding $DEMO demo articles (only into an empty database)"
  as_app "$NODE" --import tsx deploy/tasks.ts seed "$DEMO"
fi
say "Building the site"
as_app "$NODE" --import tsx deploy/tasks.ts build

# --- 4. Instances ------------------------------------------------------------------------------
say "Starting $INSTANCES instance(s) on port(s) $(echo $PORTS)"
if [ -z "$LOCAL_DIR" ]; then
  render "$SOURCE_DIR/deploy/systemd/broadsheet@.service" /etc/systemd/system/broadsheet@.service
  systemctl daemon-reload
  for port in $PORTS; do systemctl enable --now "broadsheet@$port"; done
else
  cat > "$LOCAL_DIR/bin/start-instance" <<SCRIPT
#!/usr/bin/env bash
# Starts the instance on port \$1 in the background, as broadsheet@\$1.service would.
set -euo pipefail
port=\$1
cd "$APP_DIR"
set -a; . "$ENV_FILE"; set +a
export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=127.0.0.1 PORT=\$port
# Two malloc arenas, as in broadsheet@.service (ADR 020).
export MALLOC_ARENA_MAX=2
# Buffers over 128 kB go back to the system when freed, as in broadsheet@.service (ADR 027).
export MALLOC_MMAP_THRESHOLD_=131072
# The server bundle run by node itself (ADR 024): one process, so SIGTERM reaches the server.
# 4 MB semi-spaces, as in broadsheet@.service (ADR 027).
nohup "$NODE" --max-semi-space-size=4 .next/broadsheet/server.mjs >>"$LOCAL_DIR/log/instance-\$port.log" 2>&1 &
echo \$! > "$LOCAL_DIR/run/instance-\$port.pid"
SCRIPT
  cat > "$LOCAL_DIR/bin/stop-instance" <<SCRIPT
#!/usr/bin/env bash
# Stops the instance on port \$1 with SIGTERM (graceful), as systemctl stop would; waits up to 30 s.
pidfile="$LOCAL_DIR/run/instance-\$1.pid"
[ -f "\$pidfile" ] || exit 0
pid=\$(cat "\$pidfile")
kill -TERM "\$pid" 2>/dev/null || { rm -f "\$pidfile"; exit 0; }
for _ in \$(seq 1 300); do kill -0 "\$pid" 2>/dev/null || break; sleep 0.1; done
kill -KILL "\$pid" 2>/dev/null || true
rm -f "\$pidfile"
SCRIPT
  cat > "$LOCAL_DIR/bin/stop-all" <<SCRIPT
#!/usr/bin/env bash
# Stops nginx and every instance of this local installation.
[ -f "$LOCAL_DIR/run/nginx.pid" ] && kill -QUIT "\$(cat "$LOCAL_DIR/run/nginx.pid")" 2>/dev/null
for port in $(echo $PORTS); do "$LOCAL_DIR/bin/stop-instance" "\$port"; done
SCRIPT
  chmod +x "$LOCAL_DIR/bin/"*
  for port in $PORTS; do "$LOCAL_DIR/bin/start-instance" "$port"; done
fi
for port in $PORTS; do wait_ready "http://127.0.0.1:$port"; done

# --- 5. nginx ----------------------------------------------------------------------------------
say "Configuring nginx"
if [ -z "$LOCAL_DIR" ]; then
  render "$SOURCE_DIR/deploy/nginx/broadsheet.conf" /etc/nginx/sites-available/broadsheet.conf
  ln -sf /etc/nginx/sites-available/broadsheet.conf /etc/nginx/sites-enabled/broadsheet.conf
  rm -f /etc/nginx/sites-enabled/default
  nginx -t
  systemctl enable nginx
  systemctl reload-or-restart nginx
  NGINX_URL=http://127.0.0.1
  [ "$LISTEN" != 80 ] && NGINX_URL=http://127.0.0.1:${LISTEN##*:}
else
  mkdir -p "$LOCAL_DIR/nginx/temp"
  render "$SOURCE_DIR/deploy/nginx/broadsheet.conf" "$LOCAL_DIR/nginx/broadsheet.conf"
  # Debian's /etc/nginx/nginx.conf plays this part in production.
  cat > "$LOCAL_DIR/nginx/nginx.conf" <<CONF
$( [ "$(id -u)" -eq 0 ] && echo "user root;" )
worker_processes 2;
pid $LOCAL_DIR/run/nginx.pid;
error_log $LOCAL_DIR/log/nginx-error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log $LOCAL_DIR/log/nginx-access.log;
  client_body_temp_path $LOCAL_DIR/nginx/temp/body;
  proxy_temp_path $LOCAL_DIR/nginx/temp/proxy;
  fastcgi_temp_path $LOCAL_DIR/nginx/temp/fastcgi;
  uwsgi_temp_path $LOCAL_DIR/nginx/temp/uwsgi;
  scgi_temp_path $LOCAL_DIR/nginx/temp/scgi;
  include $LOCAL_DIR/nginx/broadsheet.conf;
}
CONF
  nginx -t -q -p "$LOCAL_DIR/nginx" -c "$LOCAL_DIR/nginx/nginx.conf"
  nginx -p "$LOCAL_DIR/nginx" -c "$LOCAL_DIR/nginx/nginx.conf"
  NGINX_URL=http://127.0.0.1:$LISTEN
fi
wait_ready "$NGINX_URL"
say "Broadsheet is running: $INSTANCES instance(s) behind nginx at $NGINX_URL (public origin $SITE_URL)"
