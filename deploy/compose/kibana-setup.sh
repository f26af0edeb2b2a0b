#!/bin/sh
# One-shot, as elastic: imports the data view, saved searches and dashboard "Newswire". Kibana
# answers an import with HTTP 200 even when objects failed, so the answer itself is checked.
set -eu

kibana="${KIBANA_URL:-http://kibana:5601}"
elastic="${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"

tries=0
while :; do
  # credentials through stdin (-K -), not on the command line
  if reply=$(printf 'user = "elastic:%s"\n' "$elastic" | curl -sS -f -K - -X POST \
      "$kibana/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
      --form file=@/kibana/newswire.ndjson 2>&1); then
    break
  fi
  tries=$((tries + 1))
  if [ "$tries" -ge 10 ]; then
    echo "kibana-setup: the import failed: $reply" >&2
    exit 1
  fi
  sleep 5
done

if printf '%s' "$reply" | grep -Eq '"success" *: *false' || ! printf '%s' "$reply" | grep -Eq '"success" *: *true'; then
  echo "kibana-setup: Kibana did not import the saved objects:" >&2
  printf '%s\n' "$reply" >&2
  exit 1
fi
echo "kibana-setup: data view, saved searches and dashboard imported"
