#!/bin/sh
# One-shot, as elastic: imports the data view, saved searches and dashboard "Newswire"
# (deploy/kibana/newswire.ndjson) and exits non-zero, with Kibana's answer printed, unless every
# object of the file was imported. Kibana answers an import with HTTP 200 even when objects failed
# ("success": false and an "errors" list, one entry per object), so the answer is checked, not only
# the status. Retries only while Kibana is unreachable or not ready (no answer, 5xx).
#
# KIBANA_URL, KIBANA_OBJECTS, KIBANA_IMPORT_TRIES and KIBANA_IMPORT_PAUSE (seconds) override the
# defaults below; the test of this script (tests/e2e KibanaSetupScriptTest) uses them.
set -eu

kibana="${KIBANA_URL:-http://kibana:5601}"
objects="${KIBANA_OBJECTS:-/kibana/newswire.ndjson}"
tries="${KIBANA_IMPORT_TRIES:-10}"
pause="${KIBANA_IMPORT_PAUSE:-5}"
elastic="${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"

if [ ! -r "$objects" ]; then
  echo "kibana-setup: cannot read $objects (the saved objects to import)" >&2
  exit 1
fi
# one saved object per line; the export's closing summary line (exportedCount) is not one
expected=$(grep -v '"exportedCount"' "$objects" | grep -c '[^[:space:]]' || true)

answer=$(mktemp)
trap 'rm -f "$answer" "$answer.err"' EXIT

attempt=1
while :; do
  # credentials through stdin (-K -), not on the command line; no -f, so a refusal's body is kept
  status=$(printf 'user = "elastic:%s"\n' "$elastic" | curl -sS -K - -o "$answer" -w '%{http_code}' -X POST \
      "$kibana/api/saved_objects/_import?overwrite=true" -H 'kbn-xsrf: true' \
      --form "file=@$objects" 2>"$answer.err") || status=000
  case "$status" in
    2??)
      break
      ;;
    000|5??)
      if [ "$attempt" -ge "$tries" ]; then
        echo "kibana-setup: Kibana at $kibana did not take the import after $tries attempt(s) (last: HTTP $status)" >&2
        cat "$answer.err" "$answer" >&2 2>/dev/null || true
        echo >&2
        exit 1
      fi
      attempt=$((attempt + 1))
      sleep "$pause"
      ;;
    *)
      # 400 (a file Kibana cannot read), 401 (NEWSWIRE_ELASTIC_PASSWORD), 403: trying again changes nothing
      echo "kibana-setup: Kibana refused the import of $objects (HTTP $status):" >&2
      cat "$answer" >&2
      echo >&2
      exit 1
      ;;
  esac
done

reply=$(tr '\r\n\t' '   ' <"$answer")
succeeded=$(printf '%s' "$reply" | sed -n 's/.*"successCount" *: *\([0-9][0-9]*\).*/\1/p')
if printf '%s' "$reply" | grep -Eq '"success" *: *true' \
    && ! printf '%s' "$reply" | grep -Eq '"success" *: *false' \
    && ! printf '%s' "$reply" | grep -Eq '"errors" *: *\[ *\{' \
    && [ "${succeeded:-0}" -eq "$expected" ]; then
  echo "kibana-setup: imported $succeeded saved objects (data view, saved searches, dashboard \"Newswire\")"
  exit 0
fi

echo "kibana-setup: Kibana did not import the saved objects of $objects: ${succeeded:-no} of $expected imported." >&2
# one line per failed object: its type and id, and Kibana's error object for it
printf '%s' "$reply" | awk '
  # the JSON object that starts at position p of s, braces inside strings skipped
  function object(s, p,    depth, quoted, c, i) {
    for (i = p; i <= length(s); i++) {
      c = substr(s, i, 1)
      if (quoted) { if (c == "\\") i++; else if (c == "\"") quoted = 0; continue }
      if (c == "\"") quoted = 1
      else if (c == "{") depth++
      else if (c == "}" && --depth == 0) return substr(s, p, i - p + 1)
    }
    return substr(s, p)
  }
  {
    start = index($0, "\"errors\":")
    if (start == 0) exit
    n = split(substr($0, start), items, "{\"id\":\"")
    for (k = 2; k <= n; k++) {
      id = items[k]; sub(/".*/, "", id)
      type = items[k]; sub(/^[^"]*","type":"/, "", type); sub(/".*/, "", type)
      at = index(items[k], "\"error\":{")
      why = at ? object(items[k], at + 8) : "(no reason given)"
      print "  " type " " id ": " why
    }
  }' >&2
echo "Kibana's answer:" >&2
cat "$answer" >&2
echo >&2
exit 1
