#!/bin/sh
# Same behaviour as the official node image's entrypoint: run `node` when the first argument is a
# flag or not a command, otherwise exec the command as given.
set -e
if [ "${1#-}" != "${1}" ] || [ -z "$(command -v "${1}")" ] || { [ -f "${1}" ] && ! [ -x "${1}" ]; }; then
  set -- node "$@"
fi
exec "$@"
