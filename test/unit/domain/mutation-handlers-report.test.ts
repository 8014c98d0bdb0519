/**
 * The E-LHU handlers (SOP steps 17-20 and the amendment after release), through `decide`: the
 * refusals Ketua Tim reads when a report id or number is reused, the events a numbering and an
 * amendment record (the audit trail and the change feed read them), and the reports the sample
 * holds afterwards.
 */
import { describe, expect, it } from 'vitest';
import type { Order, Report } from '../../../shared/domain/entities';
import { currentReport } from '../../../shared/domain/state';
import {
  A,
  S1,
  attempt,
  driveSample,
  freshId,
  freshNumber,
  refuse,
  runOrder,
  sampleAt,
  sampleOf,
} from './fixtures';

const AMEND_REASON = 'Salah ketik nama pelanggan';

/**
 * A report as the E-LHU register of an older record holds it: numbered as step 17 numbers one,
 * then superseded, under the given id and number.
 */
function plantedReport(id: string, number: string): Report {
  const numbered = currentReport(sampleOf(sampleAt('report_numbered'), S1))!;
  return { ...numbered, id, number, status: 'superseded' };
}

/**
 * Results validated on S1, with a report the sample already holds. `decide` never numbers a sample
 * twice before release, so this state is built by hand: it is the record a restored or imported
 * order could carry, and the id check must hold for it too.
 */
function validatedWithReport(reportId: string): Order {
  const o = structuredClone(sampleAt('results_validated'));
  sampleOf(o, S1).reports.push(plantedReport(reportId, freshNumber('LHU/BSPJI-PLG/2025')));
  return o;
}

const amend = (o: Order, newReportId: string, newReportNumber: string) =>
  attempt(o, A.ketuaTim, 'report.amend', {
    sampleId: S1,
    reportId: currentReport(sampleOf(o, S1))!.id,
    newReportId,
    newReportNumber,
    reason: AMEND_REASON,
  });

describe('report.number (step 17)', () => {
  it('records the new report, numbered from nothing, and the sample moving to report_numbered', () => {
    const reportId = freshId();
    const reportNumber = freshNumber('LHU/BSPJI-PLG/2026');
    const d = attempt(sampleAt('results_validated'), A.ketuaTim, 'report.number', {
      sampleId: S1,
      reportId,
      reportNumber,
    });
    if (!d.ok) throw new Error(d.message.en);
    const reportEvent = d.events.find((e) => e.entity === 'report');
    expect(reportEvent).toMatchObject({
      type: 'report.number',
      entityId: reportId,
      sampleId: S1,
      from: null,
      to: 'numbered',
      reason: null,
    });
    expect(d.events.map((e) => [e.entity, e.from, e.to])).toEqual([
      ['report', null, 'numbered'],
      ['sample', 'results_validated', 'report_numbered'],
    ]);
    const s = sampleOf(d.state as Order, S1);
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]).toMatchObject({ id: reportId, number: reportNumber, status: 'numbered' });
  });

  it('refuses a report id the sample already holds, in Indonesian and English', () => {
    const used = freshId();
    const r = refuse(validatedWithReport(used), A.ketuaTim, 'report.number', {
      sampleId: S1,
      reportId: used,
      reportNumber: freshNumber('LHU/BSPJI-PLG/2026'),
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: { id: 'Id laporan sudah dipakai.', en: 'Report id already used.' },
    });
  });

  it('accepts a new id beside a report the sample already holds, and keeps both', () => {
    const o = validatedWithReport(freshId());
    const reportId = freshId();
    const next = runOrder(o, A.ketuaTim, 'report.number', {
      sampleId: S1,
      reportId,
      reportNumber: freshNumber('LHU/BSPJI-PLG/2026'),
    });
    const reports = sampleOf(next, S1).reports;
    expect(reports).toHaveLength(2);
    expect(currentReport(sampleOf(next, S1))!.id).toBe(reportId);
  });
});

describe('report.amend (after release)', () => {
  it('records the new report as numbered with the amendment reason, the old one superseded', () => {
    const released = sampleAt('released');
    const old = currentReport(sampleOf(released, S1))!;
    const newReportId = freshId();
    const newNumber = freshNumber('LHU/BSPJI-PLG/2026');
    const d = amend(released, newReportId, newNumber);
    if (!d.ok) throw new Error(d.message.en);
    expect(d.events.filter((e) => e.entity === 'report')).toEqual([
      expect.objectContaining({ entityId: old.id, from: 'released', to: 'superseded', reason: AMEND_REASON }),
      expect.objectContaining({ entityId: newReportId, from: null, to: 'numbered', reason: AMEND_REASON }),
    ]);
    const s = sampleOf(d.state as Order, S1);
    expect(s.reports.map((r) => [r.id, r.status, r.replaces, r.supersededBy])).toEqual([
      [old.id, 'superseded', null, newReportId],
      [newReportId, 'numbered', old.id, null],
    ]);
    expect(s.reports[1]!.amendReason).toBe(AMEND_REASON);
  });

  it('refuses a new id that an earlier, superseded report of the sample holds', () => {
    const released = sampleAt('released');
    const first = currentReport(sampleOf(released, S1))!;
    // Amend once and release again: the sample now holds the superseded first report and its successor.
    const amended = amend(released, freshId(), freshNumber('LHU/BSPJI-PLG/2026'));
    if (!amended.ok) throw new Error(amended.message.en);
    const rereleased = driveSample(amended.state as Order, S1, 'released');
    const d = amend(rereleased, first.id, freshNumber('LHU/BSPJI-PLG/2026'));
    expect(d).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: { id: 'Id laporan baru sudah dipakai.', en: 'New report id already used.' },
    });
  });

  it('refuses a number already given to a report of the order', () => {
    const released = sampleAt('released');
    const old = currentReport(sampleOf(released, S1))!;
    expect(amend(released, freshId(), old.number)).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: 'Laporan pengganti harus bernomor baru; nomor ini sudah dipakai.',
        en: 'An amended report needs a new number; this one is already used.',
      },
    });
  });
});

describe('a report command on a report that is not the current one', () => {
  it('is refused with the same words for every such command', () => {
    const r = refuse(sampleAt('awaiting_signature'), A.kepalaBalai, 'report.sign', {
      sampleId: S1,
      reportId: freshId(),
      signedHash: 'b'.repeat(64),
    });
    expect(r).toEqual({
      ok: false,
      code: 'invalid_payload',
      message: {
        id: 'Laporan ini bukan E-LHU yang berlaku untuk sampel.',
        en: 'This is not the current report of the sample.',
      },
    });
  });
});
