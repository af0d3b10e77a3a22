#!/bin/sh
# The image's entrypoint. "setup" runs the same set-up commands as `civic run` on a laptop
# (migrate, seed --if-empty, wards import, places import --if-empty), once per release (compose's
# setup service, the Kubernetes Job); anything else is passed to the server (no arguments: serve).
set -eu
# CIVIC_APP_DIR: where the published server is (/app in the image; civic deploy-check sets its own).
app=${CIVIC_APP_DIR:-/app}
server() { dotnet "$app/CivicConnect.Server.dll" "$@"; }

if [ "${1:-}" = "setup" ]; then
  server migrate
  server seed --if-empty
  # Replaces the wards with the file's (the same result on every run).
  server wards import "$CIVIC_WARDS_FILE" --code-property ward_num --name-property label
  server places import --if-empty
  exit 0
fi

exec dotnet "$app/CivicConnect.Server.dll" "$@"
