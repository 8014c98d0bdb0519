/**
 * The E-LHU (Laporan Hasil Uji elektronik, the test report) as data: everything the renderer
 * prints, already resolved to text. Server and desktop build it with `elhuDataFromOrder` so both
 * render the same bytes from the same entities.
 *
 * Dates are ISO dates ('2025-03-14'); instants are ISO-8601 strings. Nothing here reads a clock.
 */

/** Indonesian time zones: the unit's local time is printed on the report and in the signature block. */
export type IndonesianTimeZone = 'WIB' | 'WITA' | 'WIT';
export const TIME_ZONE_OFFSET_HOURS: Record<IndonesianTimeZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

/** The unit (Balai) that issues the report: from configuration, never hard-coded. */
export interface ElhuUnit {
  /** Full name, e.g. "Balai Standardisasi dan Pelayanan Jasa Industri Palembang". */
  name: string;
  /** Short name used in statements, e.g. "BSPJI Palembang". */
  shortName: string;
  /** Lines above the unit name in the letterhead (ministry, agency). May be empty. */
  parentLines: string[];
  address: string;
  /** Phone / e-mail / website line under the address; empty to leave out. */
  contactLine: string;
  /** e.g. "LP-033-IDN" (KAN); null when the unit is not accredited for these tests. */
  accreditationNumber: string | null;
  /** City printed before the issue date ("Palembang, 14 Maret 2025"). */
  city: string;
  timeZone: IndonesianTimeZone;
  /** PNG bytes of the logo for the letterhead; null for none. */
  logoPng: Uint8Array | null;
  /**
   * The electronic-signature statement printed in every page's footer of the signed report; null
   * or absent for the default (DEFAULT_SIGNATURE_STATEMENT). `{penerbit}` is replaced with the
   * issuer of the signer's certificate (e.g. "Balai Sertifikasi Elektronik (BSrE), BSSN").
   */
  signatureStatement?: string | null;
}

/** A result's conformity with its requirement (ISO/IEC 17025 7.8.6): met, not met, or no judgment. */
export type Judgment = 'met' | 'not_met' | 'undecided' | 'none';

/**
 * The decision rule for statements of conformity (ISO/IEC 17025 7.1.3, 7.8.6; ILAC-G8:09/2019),
 * agreed with the customer when the order is made:
 * - 'simple_acceptance': the result is compared with the limit as it is (w = 0);
 * - 'guard_band': guard band w = U (the result's expanded uncertainty): "memenuhi" only when the
 *   result lies at least U inside the limit, "tidak memenuhi" only when it lies more than U outside,
 *   and "tidak dapat diputuskan" in between.
 */
export type DecisionRule = 'simple_acceptance' | 'guard_band';

/** Expanded measurement uncertainty U with its coverage factor k (7.8.3.1 c). */
export interface ExpandedUncertainty {
  expanded: number;
  coverageFactor: number;
}

/** Who took the sample (7.8.2.1 h and k, 7.8.2.2). */
export type ElhuSampling = { by: 'customer' } | { by: 'lab'; date: string; plan: string; method: string };

export interface ElhuResultRow {
  parameter: string;
  unit: string;
  method: string;
  /** The result as printed, e.g. "0,12" or "< 0,01". */
  result: string;
  /** The requirement as printed, e.g. "maks. 0,16", "5 - 10", "negatif"; '' when none. */
  requirement: string;
  judgment: Judgment;
  /** The expanded uncertainty as printed, e.g. "± 0,008 (k = 2)"; '' or absent when none. */
  uncertainty?: string;
  /** The parameter lies outside the unit's accreditation scope: marked with "*)" and a footnote. */
  outsideAccreditationScope?: boolean;
  /** The subcontracted laboratory that did this analysis (7.8.2.1 p); null or absent when done in-house. */
  subcontractor?: string | null;
}

export interface ElhuData {
  unit: ElhuUnit;
  /** Report number (No. LHU), printed on every page. */
  reportNumber: string;
  /** Stable id of the report: used for the PDF's /ID and the verification URL. */
  reportId: string;
  /** Set on an amended report (ISO/IEC 17025 7.8.8): the report it replaces and why. */
  replaces: { number: string; reason: string } | null;
  customer: { name: string; address: string; contact: string };
  orderNumber: string;
  sample: {
    number: string;
    type: string;
    description: string;
    customerLabel: string;
    condition: string;
    receivedOn: string;
  };
  /** Where the tests were done: laboratory name and address. */
  testLocation: string;
  testedFrom: string;
  testedTo: string;
  /**
   * The date the server prepared the report (step 18): seeds the document /ID and dates only. The
   * date of issue printed on the report is the signature's date, added when it is signed
   * (stamp.ts); the unsigned report is a draft and prints none.
   */
  issuedOn: string;
  /** The decision rule agreed at the order (absent: simple acceptance). */
  decisionRule?: DecisionRule;
  /** Who took the sample (absent: the customer). */
  sampling?: ElhuSampling;
  results: ElhuResultRow[];
  /** The standards the requirements come from, e.g. ["SNI 1903:2017"]; printed under the table. */
  requirementSources: string[];
  /** Deviations from the method or conditions; '' means none (printed as "Tidak ada"). */
  deviations: string;
  /** Extra notes under the table (e.g. subcontracted tests); may be empty. */
  notes: string[];
  kepalaBalai: {
    name: string;
    nip: string;
    title: string;
    /**
     * The issuer of the certificate registered for this Kepala Balai (shared/elhu/issuer.ts), recorded
     * in the issued E-LHU: the signed report's footer names it, and signing with a certificate of
     * another issuer is refused. Absent: the footer names DEFAULT_CERTIFICATE_ISSUER.
     */
    certificateIssuer?: string | null;
  };
  /** The public verification page of this report; encoded in the QR codes. */
  verificationUrl: string;
}

/** TrueType font bytes. Load them once and pass the same object on every call: parsed fonts are cached per bytes object. */
export interface ElhuFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
}

/** Names of the entries SIPPT adds to the PDF's document information dictionary. */
export const ELHU_INFO_KEYS = {
  reportNumber: 'SIPPTReportNumber',
  reportId: 'SIPPTReportId',
  verificationUrl: 'SIPPTVerificationUrl',
  /** "pageIndex x y width height" of the space kept free for the visible signature on the last page. */
  signatureBox: 'SIPPTSignatureBox',
  timeZone: 'SIPPTTimeZone',
  /** Set when signing: SHA-256 (hex) of the unsigned E-LHU the signature was made on. */
  documentHash: 'SIPPTDocumentHash',
  /** Set when signing: the signer's name and NIP as printed in the signature block. */
  signerName: 'SIPPTSignerName',
  signerNip: 'SIPPTSignerNip',
  /** Set when signing: version of the signature-block layout (see stamp.ts). */
  stampVersion: 'SIPPTStampVersion',
  certificateIssuer: 'SIPPTCertificateIssuer',
  /**
   * What signing fills in, as JSON (render.ts StampSpots): the places of the date of issue (blank in
   * the unsigned report, where the draft mark says "belum diterbitkan") and the footer statement's.
   */
  stampSpots: 'SIPPTStampSpots',
  /** The unit's electronic-signature statement template for the footer (see ElhuUnit.signatureStatement). */
  signatureStatement: 'SIPPTSignatureStatement',
} as const;

/** Default footer statement of a signed E-LHU, as on documents signed through BSrE. */
export const DEFAULT_SIGNATURE_STATEMENT =
  'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik yang diterbitkan oleh {penerbit}. ' +
  'Sesuai UU ITE No. 11 Tahun 2008 Pasal 5 ayat 1, informasi elektronik dan/atau dokumen elektronik dan/atau hasil cetaknya merupakan alat bukti hukum yang sah.';

/** The statement in the visible signature block (the renderer reserves its glyphs, the stamp prints it). */
export const TTE_STATEMENT =
  'Dokumen ini telah ditandatangani secara elektronik menggunakan sertifikat elektronik, sehingga tidak ' +
  'memerlukan tanda tangan basah dan cap. Keaslian dokumen dapat diperiksa dengan memindai kode QR.';

/** The issuer named when the signer's certificate issuer is not given. */
export const DEFAULT_CERTIFICATE_ISSUER = 'Penyelenggara Sertifikasi Elektronik';
