#!/bin/sh
# Fills the ${NEWSROOM_*} values of the two files in (nginx's own $variables are left alone) and runs
# nginx in the foreground. `server app:3000` resolves, at start, to every replica of the app service.
set -eu
vars='${NEWSROOM_PORT} ${NEWSROOM_UPSTREAMS} ${NEWSROOM_CACHE_DIR} ${NEWSROOM_PREFIX} ${NEWSROOM_LOAD_MODULES} ${NEWSROOM_EXTRA}'
mkdir -p "$NEWSROOM_PREFIX/temp" "$NEWSROOM_CACHE_DIR"
# The compressing server's socket (newsroom.conf): nginx removes it when it stops, but one left by a
# killed container would stop it from binding again.
rm -f "$NEWSROOM_CACHE_DIR.sock"
envsubst "$vars" < /etc/newsroom/newsroom.conf > "$NEWSROOM_PREFIX/newsroom.conf"
envsubst "$vars" < /etc/newsroom/nginx.conf > "$NEWSROOM_PREFIX/nginx.conf"
exec nginx -p "$NEWSROOM_PREFIX" -c "$NEWSROOM_PREFIX/nginx.conf" -g "daemon off; pid $NEWSROOM_PREFIX/nginx.pid;"
