#!/bin/sh
# One-shot, as the broker's admin: grants the newswire user what the services need and no more.
# Adding an ACL that exists is a no-op, so this runs on every `docker compose up`.
set -eu

bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"
admin="${NEWSWIRE_KAFKA_ADMIN_PASSWORD:?NEWSWIRE_KAFKA_ADMIN_PASSWORD is not set}"
principal=User:newswire

umask 077
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin";
PROPS

acls() {
  /opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$config" "$@" >/dev/null
}

# Topics newswire.* (raw, clean, alerts, rules, sources, stories, fetcher state, *.dlq): created by the services.
acls --add --allow-principal "$principal" --resource-pattern-type prefixed --topic newswire. \
  --operation Read --operation Write --operation Describe --operation Create --operation DescribeConfigs
# Consumer groups newswire-* and the transactional ids the stages derive from their instance ids.
acls --add --allow-principal "$principal" --resource-pattern-type prefixed --group newswire \
  --operation Read --operation Describe
acls --add --allow-principal "$principal" --resource-pattern-type prefixed --transactional-id newswire \
  --operation Write --operation Describe
acls --add --allow-principal "$principal" --cluster \
  --operation IdempotentWrite --operation Describe --operation DescribeConfigs

echo "kafka-setup: ACLs for $principal are in place:"
/opt/kafka/bin/kafka-acls.sh --bootstrap-server "$bootstrap" --command-config "$config" --list --principal "$principal"
