/**
 * The desktop signer's CMS: a PAdES baseline B-B CAdES detached SignedData. Built in one place,
 * shared/cades (encoded by @peculiar/asn1-cms), which the server's demo seed also uses; the RSA
 * operation stays here (node:crypto or the PKCS#11 token) as the `sign` callback.
 */
export { buildCadesSignedData, cadesSignedAttributes, type CadesInput } from '../../../shared/cades';
