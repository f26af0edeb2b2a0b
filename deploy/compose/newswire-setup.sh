#!/bin/sh
# Newswire API keys of the compose deployment. The services accept the keys whose SHA-256 is listed
# in /secrets/api-keys (newswire-secrets volume; NAME ROLE SHA256HEX per line) and re-read the file
# within a second of a change, so keys come and go without a restart.
#
#   (no arguments)   on every `docker compose up`: makes the CLI's admin key the first time
#   add NAME ROLE    a new key (ROLE reader, editor or admin), written to the CLI folder as NAME.key
#   append           NAME ROLE SHA256HEX lines from stdin (e.g. a line ./newswire keys add wrote)
#   revoke NAME      the services refuse that key within a second
#   list             names and roles
#
# Keys are never printed: they go to files in the CLI folder (a bind mount, by default
# .newswire/compose), owned by whoever owns the checkout, mode 0600.
set -eu
umask 077

keys=/secrets/api-keys
cli=/cli
cli_on_host="${CLI_DIR_ON_HOST:-.newswire/compose}"
service_uid=185                # the user the service images run as
owner=$(stat -c %u:%g /setup)  # the owner of deploy/compose, i.e. of the checkout

fail() { echo "newswire-setup: $*" >&2; exit 1; }

new_key() { printf 'nwk_%s' "$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"; }
sha() { printf '%s' "$1" | sha256sum | cut -d' ' -f1; }

check_name() {
  case "$1" in ''|*[!A-Za-z0-9._-]*) fail "a key name is 1 to 64 letters, digits, '.', '_' or '-', not '$1'" ;; esac
  [ "${#1}" -le 64 ] || fail "a key name is at most 64 characters"
}
check_role() {
  case "$1" in reader|editor|admin) ;; *) fail "unknown role '$1': use reader, editor or admin" ;; esac
}
check_hash() {
  case "$1" in *[!0-9a-f]*) fail "'$1' is not a SHA-256 in lower-case hex" ;; esac
  [ "${#1}" -eq 64 ] || fail "'$1' is not a SHA-256 in lower-case hex (64 digits)"
}
has_name() { [ -f "$2" ] && awk -v n="$1" '$1 == n { found = 1 } END { exit !found }' "$2"; }

# A copy of the key file to edit, with the header when there is no file yet.
start_edit() {
  tmp="$keys.tmp"
  if [ -f "$keys" ]; then
    cat "$keys" > "$tmp"
  else
    printf '%s\n' "# Newswire API keys: NAME ROLE SHA-256-OF-KEY (hex), one per line. Roles: reader < editor < admin." \
      "# Edit with: docker compose run --rm newswire-setup add|append|revoke|list (deploy/compose/README.md)" > "$tmp"
  fi
}
# Replaces the key file in one step, readable by the services' user only.
finish_edit() {
  chown "$service_uid" "$tmp"
  chmod 0600 "$tmp"
  mv -f "$tmp" "$keys"
}

# Writes a secret to the CLI folder as $1: readable by the owner of the checkout only.
write_cli() {
  mkdir -p "$cli"
  chown "$owner" "$cli"
  chmod 0700 "$cli"
  printf '%s\n' "$2" > "$cli/.$1.tmp"
  chown "$owner" "$cli/.$1.tmp"
  chmod 0600 "$cli/.$1.tmp"
  mv -f "$cli/.$1.tmp" "$cli/$1"
}

cmd="${1:-init}"
[ $# -gt 0 ] && shift
case "$cmd" in
  init)
    if [ -e "$keys" ]; then
      if [ -s "$cli/cli-key" ] && ! grep -q " $(sha "$(tr -d '\n' < "$cli/cli-key")")\$" "$keys"; then
        echo "newswire-setup: warning: $cli_on_host/cli-key is not a key of this deployment; make one with:" \
          "docker compose run --rm newswire-setup add NAME admin"
      fi
      echo "newswire-setup: API keys in place ($(awk '!/^[[:space:]]*#/ && NF' "$keys" | wc -l) in $keys), left as they are"
      exit 0
    fi
    key=$(new_key)
    write_cli cli-key "$key"
    start_edit
    printf 'cli admin %s\n' "$(sha "$key")" >> "$tmp"
    finish_edit
    echo "newswire-setup: made the CLI's admin key 'cli'; it is in $cli_on_host/cli-key (only its hash is on the volume)"
    ;;
  add)
    [ $# -eq 2 ] || fail "usage: add NAME ROLE (ROLE reader, editor or admin)"
    check_name "$1"
    check_role "$2"
    ! has_name "$1" "$keys" || fail "a key named '$1' exists; revoke it first or pick another name"
    key=$(new_key)
    write_cli "$1.key" "$key"
    start_edit
    printf '%s %s %s\n' "$1" "$2" "$(sha "$key")" >> "$tmp"
    finish_edit
    echo "newswire-setup: key '$1' ($2) added, in $cli_on_host/$1.key; the services accept it within a second"
    ;;
  append)
    start_edit
    added=0
    while read -r name role hash rest || [ -n "${name:-}" ]; do
      case "$name" in ''|'#'*) continue ;; esac
      [ -z "${rest:-}" ] || fail "expected NAME ROLE SHA256HEX, got more fields on the line of '$name'"
      check_name "$name"
      check_role "$role"
      check_hash "$hash"
      ! has_name "$name" "$tmp" || fail "a key named '$name' exists; revoke it first or pick another name"
      printf '%s %s %s\n' "$name" "$role" "$hash" >> "$tmp"
      added=$((added + 1))
    done
    [ "$added" -gt 0 ] || fail "no NAME ROLE SHA256HEX line on stdin (use docker compose run -T to pipe one in)"
    finish_edit
    echo "newswire-setup: $added key(s) added; the services accept them within a second"
    ;;
  revoke)
    [ $# -eq 1 ] || fail "usage: revoke NAME"
    has_name "$1" "$keys" || fail "no key named '$1' (see: docker compose run --rm newswire-setup list)"
    start_edit
    awk -v n="$1" '$1 != n' "$keys" > "$tmp"
    finish_edit
    rm -f "$cli/$1.key"
    echo "newswire-setup: key '$1' revoked; the services refuse it within a second"
    ;;
  list)
    [ -f "$keys" ] || fail "no key file yet ($keys); docker compose up makes it"
    awk '!/^[[:space:]]*#/ && NF { printf "  %-24s %s\n", $1, $2 }' "$keys"
    ;;
  *)
    fail "unknown command '$cmd': add NAME ROLE, append, revoke NAME or list"
    ;;
esac
