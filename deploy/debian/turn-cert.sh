#!/usr/bin/env bash
# Copies the site's certificate for coturn's TLS (run by yishiting-turn-cert.service, daily and
# by deploy/debian/install.sh): the operator's (/etc/yishiting/tls/) or the one Caddy obtained by
# ACME for the domain $1, to /etc/coturn/yishiting/ (readable by coturn's group); restarts coturn
# when it changed.
set -euo pipefail
name="${1:?usage: turn-cert.sh DOMAIN}"
dest=/etc/coturn/yishiting
cert="" key=""
if [ -f /etc/yishiting/tls/cert.pem ]; then
  cert=/etc/yishiting/tls/cert.pem key=/etc/yishiting/tls/key.pem
else
  # Caddy's storage (Let's Encrypt, or its ZeroSSL fallback): the newest certificate for the name.
  cert="$(ls -t /var/lib/caddy/.local/share/caddy/certificates/*/"$name/$name.crt" 2>/dev/null | head -n 1 || true)"
  key="${cert%.crt}.key"
fi
if [ -z "$cert" ] || [ ! -f "$cert" ] || [ ! -f "$key" ]; then
  echo "turn-cert: no certificate for $name yet (Caddy obtains it once the name reaches this server)" >&2
  exit 1
fi
changed=0
install_copy() {
  if ! cmp -s "$1" "$2" || [ "$(stat -c %a:%U:%G "$2")" != "640:root:turnserver" ]; then
    install -m 640 -o root -g turnserver "$1" "$2"
    changed=1
  fi
}
install_copy "$cert" "$dest/cert.pem"
install_copy "$key" "$dest/key.pem"
if [ "$changed" = 1 ]; then
  echo "turn-cert: coturn's certificate updated from $cert"
  systemctl try-restart coturn.service
fi
