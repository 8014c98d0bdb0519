/**
 * The verification page's rows for the long-term signature: the PAdES level reached, the time from
 * the signature timestamp (not the signer's claim), and whether the certificate was valid then.
 */
import { formatDateTimeId } from '../../../shared/elhu/dates';
import type { IndonesianTimeZone } from '../../../shared/elhu/types';
import { LEVEL_TEXT, type PublicLongTerm } from './public';

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const bi = (id: string, en: string): string => `${esc(id)} <span class="en" lang="en">/ ${esc(en)}</span>`;

type Row = (id: string, en: string, value: string) => string;

export function longTermRows(lt: PublicLongTerm | null, tz: IndonesianTimeZone, row: Row): string[] {
  if (!lt) return [];
  const level = LEVEL_TEXT[lt.level];
  const pending = lt.pending
    ? ` — ${bi(lt.level === 'B-B' ? 'cap waktu menunggu (TSA belum dapat dihubungi; dicoba lagi otomatis)' : 'proses jangka panjang berlanjut', lt.level === 'B-B' ? 'timestamp pending (the TSA cannot be reached yet; retried automatically)' : 'long-term processing continues')}`
    : '';
  const rows = [
    row(
      'Tingkat tanda tangan',
      'Signature level',
      `<strong data-field="ltv-level">${esc(lt.level)}</strong> ${bi(level.id, level.en)}${pending}`,
    ),
  ];
  rows.push(
    row(
      'Waktu menurut cap waktu',
      'Time from the timestamp',
      lt.timestampTime
        ? `<span data-field="timestamp-time">${esc(formatDateTimeId(new Date(lt.timestampTime), tz))}</span>`
        : bi(
            'belum ada cap waktu; waktu tanda tangan di atas hanya klaim penanda tangan',
            'no timestamp yet; the signing time above is only the signer’s claim',
          ),
    ),
  );
  if (lt.certificateValidAtTimestamp !== null) {
    rows.push(
      row(
        'Sertifikat berlaku saat itu',
        'Certificate valid at that time',
        lt.certificateValidAtTimestamp
          ? `<span data-field="certificate-valid" data-value="yes">${bi('Ya', 'Yes')}</span>`
          : `<span data-field="certificate-valid" data-value="no">${bi('Tidak: sertifikat penanda tangan sudah tidak berlaku atau dicabut pada waktu cap waktu', 'No: the signer’s certificate had expired or was revoked at the timestamp’s time')}</span>`,
      ),
    );
  }
  return rows;
}
