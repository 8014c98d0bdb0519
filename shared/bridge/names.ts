/**
 * The bridge's call and event names alone, without their schemas: what the preload needs to
 * refuse an unknown name, so its bundle does not carry every zod schema. calls.ts and events.ts
 * check at compile time that these lists and their maps name exactly the same things.
 */
export const CALL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'client.notice',
  'update.install',
  'session.current',
  'session.login',
  'session.relogin',
  'session.logout',
  'sync.status',
  'sync.now',
  'changes.list',
  'changes.dismiss',
  'changes.redo',
  'worklist.page',
  'worklist.facets',
  'order.get',
  'order.history',
  'reference.staff',
  'reference.labs',
  'reference.holidays',
  'sample.accept',
  'sample.reject',
  'sample.assignAnalysts',
  'results.verify',
  'analysis.requestRetest',
  'assignment.validate',
  'assignment.return',
  'results.validate',
  'results.return',
  'result.save',
  'result.submit',
  'signing.queue',
  'signing.document',
  'signing.keystore',
  'signing.importKeystore',
  'signing.sign',
  'signing.refuse',
  // online-calls.ts
  'online.orders',
  'online.order',
  'online.staff',
  'online.catalog',
  'online.customers',
  'online.customer',
  'online.customer.activate',
  'online.customer.deactivate',
  'online.users',
  'online.user.create',
  'online.user.update',
  'online.user.certificate',
  'online.lab.create',
  'online.lab.update',
  'online.sampleType.create',
  'online.sampleType.update',
  'online.parameter.create',
  'online.parameter.update',
  'online.holidays',
  'online.holidays.save',
  'online.audit',
  'online.order.validate',
  'online.order.return',
  'online.sample.register',
  'online.report.file',
  'online.report.preview',
  'online.report.requestSignature',
  'online.report.release',
  'online.tariff.approve',
  'online.report.number',
  'online.report.amend',
  'online.billing.issue',
  'online.billing.reissue',
  'online.proof.file',
  'online.proof.approve',
  'online.proof.reject',
  // records-calls.ts
  'online.records.get',
  'online.records.export',
] as const;
export type CallName = (typeof CALL_NAMES)[number];

export const EVENT_NAMES = [
  'sync.status',
  'session.changed',
  'data.changed',
  'signing.progress',
  'update.status',
  'client.outdated',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** True when A and B name exactly the same things: what calls.ts and events.ts check of their maps. */
export type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

const calls: ReadonlySet<string> = new Set(CALL_NAMES);
const events: ReadonlySet<string> = new Set(EVENT_NAMES);

export function isBridgeCallName(name: string): name is CallName {
  return calls.has(name);
}

export function isBridgeEventName(name: string): name is EventName {
  return events.has(name);
}
