#!/usr/bin/env bash
# One CA and a certificate per node, as in Elastic's documented Docker Compose setup; runs once,
# later starts find the certificates and leave them alone.
set -euo pipefail
cd /usr/share/elasticsearch
certs=config/certs
if [ -f "$certs/es03/es03.crt" ]; then echo "certificates present"; exit 0; fi
bin/elasticsearch-certutil ca --silent --pem --out "$certs/ca.zip"
unzip -o -q "$certs/ca.zip" -d "$certs"
cat > "$certs/instances.yml" <<'YAML'
instances:
  - { name: es01, dns: [es01, localhost], ip: [127.0.0.1] }
  - { name: es02, dns: [es02, localhost], ip: [127.0.0.1] }
  - { name: es03, dns: [es03, localhost], ip: [127.0.0.1] }
YAML
bin/elasticsearch-certutil cert --silent --pem --in "$certs/instances.yml" --out "$certs/certs.zip" \
  --ca-cert "$certs/ca/ca.crt" --ca-key "$certs/ca/ca.key"
unzip -o -q "$certs/certs.zip" -d "$certs"
rm -f "$certs/ca.zip" "$certs/certs.zip" "$certs/ca/ca.key"
# Elasticsearch runs as uid 1000; the API (uid 10001) reads only the CA certificate
chown -R 1000:0 "$certs"
find "$certs" -type d -exec chmod 755 {} +
find "$certs" -type f -name '*.key' -exec chmod 640 {} +
chmod 644 "$certs/ca/ca.crt"
echo "certificates created"
