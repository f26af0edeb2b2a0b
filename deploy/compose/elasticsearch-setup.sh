#!/bin/sh
# One-shot, as the elastic superuser: sets the kibana_system password and gives the services an API
# key limited to the newswire* indices. The key goes to /secrets/newswire.properties (the services
# read it through QUARKUS_CONFIG_LOCATIONS) and is kept across restarts while Elasticsearch accepts it.
set -eu

es="${ES_URL:-http://elasticsearch:9200}"
elastic="${ELASTIC_PASSWORD:?ELASTIC_PASSWORD is not set}"
kibana="${KIBANA_PASSWORD:?KIBANA_PASSWORD is not set}"
file=/secrets/newswire.properties
service_uid=185   # the user the service images run as

# Both go into JSON and a curl config line unescaped.
for pair in "NEWSWIRE_ELASTIC_PASSWORD:$elastic" "NEWSWIRE_KIBANA_PASSWORD:$kibana"; do
  case "${pair#*:}" in
    *[!A-Za-z0-9._~+/=-]*)
      echo "elasticsearch-setup: ${pair%%:*} may only hold letters, digits and . _ ~ + / = - (e.g. openssl rand -hex 24)" >&2
      exit 1 ;;
  esac
done

# curl reads its options from stdin (-K -): the credentials stay off the command line. ES_CACERT,
# when set, is the CA certificate to trust once Elasticsearch speaks HTTPS.
curl_config() { # [elastic]
  [ "${1:-}" = elastic ] && printf 'user = "elastic:%s"\n' "$elastic"
  [ -n "${ES_CACERT:-}" ] && printf 'cacert = "%s"\n' "$ES_CACERT"
  return 0
}
es_call() { # METHOD PATH [JSON]
  if [ $# -ge 3 ]; then
    curl_config elastic | curl -sS -K - -X "$1" "$es$2" -H 'Content-Type: application/json' -d "$3"
  else
    curl_config elastic | curl -sS -K - -X "$1" "$es$2"
  fi
}

tries=0
until es_call GET '/_cluster/health?wait_for_status=yellow&timeout=5s' 2>/dev/null | grep -Eq '"status" *: *"(green|yellow)"'; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then
    echo "elasticsearch-setup: no answer from $es as elastic (is NEWSWIRE_ELASTIC_PASSWORD still elastic's password?)" >&2
    exit 1
  fi
  sleep 2
done

reply=$(es_call POST /_security/user/kibana_system/_password "{\"password\":\"$kibana\"}")
if [ "$reply" != "{}" ]; then
  echo "elasticsearch-setup: setting the kibana_system password failed: $reply" >&2
  exit 1
fi
echo "elasticsearch-setup: kibana_system password set"

if [ -s "$file" ]; then
  key=$(sed -n 's/^newswire\.indexer\.elasticsearch-api-key=//p' "$file")
  if [ -n "$key" ] && curl_config | curl -fsS -K - -o /dev/null -H "Authorization: ApiKey $key" "$es/_security/_authenticate" 2>/dev/null; then
    echo "elasticsearch-setup: the services' API key in $file is valid, kept"
    exit 0
  fi
  echo "elasticsearch-setup: the API key in $file is not accepted any more, making a new one"
fi

# Keys of an earlier secrets volume are no longer in any file: invalidate them, then make one.
es_call DELETE /_security/api_key '{"name":"newswire-services"}' >/dev/null
reply=$(es_call POST /_security/api_key '{
  "name": "newswire-services",
  "role_descriptors": {
    "newswire": {
      "cluster": ["monitor", "manage_index_templates"],
      "indices": [{"names": ["newswire*"], "privileges": ["all"]}]
    }
  },
  "metadata": {"created_by": "newswire elasticsearch-setup"}
}')
key=$(printf '%s' "$reply" | sed -n 's/.*"encoded" *: *"\([^"]*\)".*/\1/p')
if [ -z "$key" ]; then
  echo "elasticsearch-setup: creating the API key failed: $reply" >&2
  exit 1
fi

umask 077
tmp="$file.tmp"
printf '# Written by elasticsearch-setup; delete this file to get a new key on the next up.\nnewswire.indexer.elasticsearch-api-key=%s\n' "$key" > "$tmp"
chown "$service_uid" "$tmp"
chmod 0600 "$tmp"
mv -f "$tmp" "$file"
echo "elasticsearch-setup: API key for the services written to $file (newswire-secrets volume)"
