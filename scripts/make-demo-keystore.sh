#!/bin/sh
# Generates the DEMO keystore in resources/demo-keystore/: a demo CA, a Kepala Balai signing
# certificate in a PKCS#12 file, and the demo time-stamping authority (TSA) certificate. The demo CA's
# key is kept (demo-ca.key) because the demo server signs the CA's CRL with it; the TSA's key
# (demo-tsa.key) signs the demo server's RFC 3161 timestamps. DEMO ONLY: the passphrase is published in the README, so anything
# signed with this key proves nothing. The generated files are committed; tests do not regenerate them.
#
#   sh scripts/make-demo-keystore.sh            # writes resources/demo-keystore/
#   OUT=/tmp/ks sh scripts/make-demo-keystore.sh
#
# Requires openssl (Debian package openssl).
set -eu
OUT=${OUT:-$(dirname "$0")/../resources/demo-keystore}
PASS=${DEMO_PASSPHRASE:-demo-tte-2025}
# Where the demo server serves the demo CA's CRL (GET /pki/demo-ca.crl, default port).
CRL_URL=${CRL_URL:-http://localhost:8080/pki/demo-ca.crl}
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
crlDistributionPoints = URI:$CRL_URL
[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
# RFC 3161 2.3: the TSA certificate has exactly one extended key usage, timeStamping, critical.
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid, issuer
crlDistributionPoints = URI:$CRL_URL
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

# 3. Demo TSA: RSA 2048, 2025-01-01 .. 2031-12-31 (shorter than the CA: archived reports are
#    re-timestamped before it ends, npm run elhu:retimestamp).
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/tsa.key" 2>/dev/null
openssl req -new -key "$WORK/tsa.key" -out "$WORK/tsa.csr" \
  -subj "/C=ID/O=Kementerian Perindustrian (DEMO)/OU=SIPPT Lab Demo/CN=SIPPT Demo TSA - DEMO ONLY"
openssl ca -batch -config "$WORK/ca.cnf" -cert "$WORK/ca.pem" -keyfile "$WORK/ca.key" -in "$WORK/tsa.csr" \
  -extensions v3_tsa -startdate 20250101000000Z -enddate 20311231235959Z -notext -out "$WORK/tsa.pem" 2>/dev/null

# 4. PKCS#12 with the chain (OpenSSL 3 defaults: AES-256-CBC, PBKDF2, HMAC-SHA256 MAC).
openssl pkcs12 -export -inkey "$WORK/kb.key" -in "$WORK/kb.pem" -certfile "$WORK/ca.pem" \
  -name "Hendra Gunawan Siregar (DEMO)" -passout "pass:$PASS" -out "$OUT/kepala-balai-demo.p12"

cp "$WORK/ca.pem" "$OUT/demo-ca.pem"
cp "$WORK/ca.key" "$OUT/demo-ca.key"
cp "$WORK/tsa.pem" "$OUT/demo-tsa.pem"
cp "$WORK/tsa.key" "$OUT/demo-tsa.key"
cp "$WORK/kb.pem" "$OUT/kepala-balai-demo.pem"
openssl x509 -in "$WORK/kb.pem" -noout -fingerprint -sha256 | sed 's/.*=//; s/://g' | tr 'A-F' 'a-f' > "$OUT/kepala-balai-demo.sha256"
echo "wrote $OUT (passphrase: $PASS, DEMO ONLY)"
