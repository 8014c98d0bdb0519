#!/bin/sh
# Generates the DEMO keystore in resources/demo-keystore/: a demo CA and a Kepala Balai signing
# certificate in a PKCS#12 file. DEMO ONLY: the passphrase is published in the README, so anything
# signed with this key proves nothing. The generated files are committed; tests do not regenerate them.
#
#   sh scripts/make-demo-keystore.sh            # writes resources/demo-keystore/
#   OUT=/tmp/ks sh scripts/make-demo-keystore.sh
#
# Requires openssl (Debian package openssl).
set -eu
OUT=${OUT:-$(dirname "$0")/../resources/demo-keystore}
PASS=${DEMO_PASSPHRASE:-demo-tte-2025}
command -v openssl >/dev/null || { echo "openssl missing: apt-get install -y openssl" >&2; exit 1; }
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

cat > "$WORK/ca.cnf" <<CNF
[ ca ]
default_ca = demo_ca
[ demo_ca ]
dir = $WORK
database = $WORK/index.txt
new_certs_dir = $WORK
serial = $WORK/serial
default_md = sha256
policy = policy_any
copy_extensions = none
unique_subject = no
[ policy_any ]
countryName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
serialNumber = optional
[ req ]
distinguished_name = dn
prompt = no
[ dn ]
CN = unused
[ v3_ca ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
[ v3_signer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
# emailProtection keeps 'openssl cms -verify' (S/MIME purpose) happy; 1.3.6.1.5.5.7.3.36 is
# id-kp-documentSigning (RFC 9336).
extendedKeyUsage = emailProtection, 1.3.6.1.5.5.7.3.36
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
CNF
: > "$WORK/index.txt"
echo 1000 > "$WORK/serial"

# 1. Demo CA: RSA 3072, self-signed, 2025-01-01 .. 2040-12-31.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$WORK/ca.key" 2>/dev/null
openssl req -new -key "$WORK/ca.key" -out "$WORK/ca.csr" \
  -subj "/C=ID/O=Kementerian Perindustrian (DEMO)/OU=SIPPT Lab Demo/CN=SIPPT Demo CA - DEMO ONLY"
openssl ca -batch -config "$WORK/ca.cnf" -selfsign -keyfile "$WORK/ca.key" -in "$WORK/ca.csr" \
  -extensions v3_ca -startdate 20250101000000Z -enddate 20401231235959Z -notext -out "$WORK/ca.pem" 2>/dev/null

# 2. Kepala Balai: RSA 2048, 2025-01-01 .. 2035-12-31, issued by the demo CA.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/kb.key" 2>/dev/null
openssl req -new -key "$WORK/kb.key" -out "$WORK/kb.csr" \
  -subj "/C=ID/O=Kementerian Perindustrian/OU=BSPJI Palembang (DEMO)/CN=Hendra Gunawan Siregar"
openssl ca -batch -config "$WORK/ca.cnf" -cert "$WORK/ca.pem" -keyfile "$WORK/ca.key" -in "$WORK/kb.csr" \
  -extensions v3_signer -startdate 20250101000000Z -enddate 20351231235959Z -notext -out "$WORK/kb.pem" 2>/dev/null

# 3. PKCS#12 with the chain (OpenSSL 3 defaults: AES-256-CBC, PBKDF2, HMAC-SHA256 MAC).
openssl pkcs12 -export -inkey "$WORK/kb.key" -in "$WORK/kb.pem" -certfile "$WORK/ca.pem" \
  -name "Hendra Gunawan Siregar (DEMO)" -passout "pass:$PASS" -out "$OUT/kepala-balai-demo.p12"

cp "$WORK/ca.pem" "$OUT/demo-ca.pem"
cp "$WORK/kb.pem" "$OUT/kepala-balai-demo.pem"
openssl x509 -in "$WORK/kb.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f' > "$OUT/kepala-balai-demo.sha256"
echo "wrote $OUT (passphrase: $PASS, DEMO ONLY)"
