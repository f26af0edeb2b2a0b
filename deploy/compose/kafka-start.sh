#!/bin/sh
# Entrypoint of the kafka service: writes the broker's SASL/PLAIN users (admin, newswire) into a
# JAAS file on a tmpfs, then runs the image's own start script. The image turns KAFKA_* variables
# into server.properties but drops any value that contains '=', so a JAAS line cannot go there.
set -eu

dir=/run/newswire-kafka
admin="${NEWSWIRE_KAFKA_ADMIN_PASSWORD:?NEWSWIRE_KAFKA_ADMIN_PASSWORD is not set}"
newswire="${NEWSWIRE_KAFKA_PASSWORD:?NEWSWIRE_KAFKA_PASSWORD is not set}"

# The passwords go inside double quotes (JAAS) and through Quarkus' ${...} expansion in the services.
for pair in "NEWSWIRE_KAFKA_ADMIN_PASSWORD:$admin" "NEWSWIRE_KAFKA_PASSWORD:$newswire"; do
  case "${pair#*:}" in
    *[!A-Za-z0-9._~+/=-]*)
      echo "kafka: ${pair%%:*} may only hold letters, digits and . _ ~ + / = - (e.g. openssl rand -hex 24)" >&2
      exit 1 ;;
  esac
done

umask 077
mkdir -p "$dir"
cat > "$dir/jaas.conf" <<JAAS
KafkaServer {
  org.apache.kafka.common.security.plain.PlainLoginModule required
  username="admin"
  password="$admin"
  user_admin="$admin"
  user_newswire="$newswire";
};
JAAS
# For the healthcheck: a client that logs in as admin.
cat > "$dir/admin.properties" <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$admin";
PROPS

export KAFKA_OPTS="${KAFKA_OPTS:+$KAFKA_OPTS }-Djava.security.auth.login.config=$dir/jaas.conf"
exec /etc/kafka/docker/run "$@"
