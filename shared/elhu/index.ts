/** The E-LHU: data model, mapping from entities, judgment, renderer and signing preparation. Pure TypeScript. */
export * from './types';
export * from './judgment';
export * from './dates';
export * from './from-order';
export { renderElhu, SIGNATURE_BOX, PAGE_WIDTH, PAGE_HEIGHT } from './render';
export {
  prepareElhuForSigning,
  parseSignatureBox,
  pdfDocText,
  ElhuStampError,
  STAMP_VERSION,
  TTE_STATEMENT,
  type ElhuSignatureStamp,
  type PrepareOptions,
  type SignatureBox,
} from './stamp';
export { getInfoEntry, cachingFontkit } from './pdf-tools';
