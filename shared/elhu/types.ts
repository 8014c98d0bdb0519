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
}

/** A result's conformity with its requirement (ISO/IEC 17025 7.8.6): met, not met, or no judgment. */
export type Judgment = 'met' | 'not_met' | 'none';

export interface ElhuResultRow {
  parameter: string;
  unit: string;
  method: string;
  /** The result as printed, e.g. "0,12" or "< 0,01". */
  result: string;
  /** The requirement as printed, e.g. "maks. 0,16", "5 - 10", "negatif"; '' when none. */
  requirement: string;
  judgment: Judgment;
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
  issuedOn: string;
  results: ElhuResultRow[];
  /** The standards the requirements come from, e.g. ["SNI 1903:2017"]; printed under the table. */
  requirementSources: string[];
  /** Deviations from the method or conditions; '' means none (printed as "Tidak ada"). */
  deviations: string;
  /** Extra notes under the table (e.g. subcontracted tests); may be empty. */
  notes: string[];
  kepalaBalai: { name: string; nip: string; title: string };
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
} as const;
