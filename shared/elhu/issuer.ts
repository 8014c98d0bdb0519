/**
 * The issuer named in the E-LHU's electronic-signature statement ("... sertifikat elektronik yang
 * diterbitkan oleh {penerbit}"), read from the signer's certificate: its issuer's common name and
 * organisation ("Balai Sertifikasi Elektronik, Badan Siber dan Sandi Negara"). Desktop signing, the
 * server's external-signing path and its re-check of an upload all derive it the same way, from the
 * same certificate, so the statement they draw is the same.
 */

/** Attributes of a distinguished name as Node's X509Certificate.issuer prints it ("C=ID\nO=...\nCN=..."). */
function dnAttributes(dn: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of dn.split('\n')) {
    const at = line.indexOf('=');
    if (at <= 0) continue;
    const key = line.slice(0, at).trim().toUpperCase();
    const value = line.slice(at + 1).trim();
    if (value !== '' && !out.has(key)) out.set(key, value);
  }
  return out;
}

/** "CN, O" of the issuer (one of them when the other is absent or already contains it); null when neither is there. */
export function certificateIssuerName(issuerDn: string): string | null {
  const a = dnAttributes(issuerDn);
  const cn = a.get('CN');
  const o = a.get('O');
  if (cn && o)
    return cn.toLowerCase().includes(o.toLowerCase())
      ? cn
      : o.toLowerCase().includes(cn.toLowerCase())
        ? o
        : `${cn}, ${o}`;
  return cn ?? o ?? null;
}
