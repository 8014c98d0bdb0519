/**
 * Requests of the online staff screens, on top of DesktopServices.withServer: the refusal of one
 * operation (a 403 'forbidden' for a role or a state) is the server's answer to that request, not
 * the end of the session, so it is told apart from the 403s that do end it (account deactivated);
 * and the front-office lists gather whole orders from the server's order list.
 */
import type { OrderResponse, OrderSummary } from '../../../shared/api/http';
import type { Message } from '../../../shared/domain/rejections';
import type { OrderStatus } from '../../../shared/domain/states';
import { ApiError, type ApiClient } from '../api/client';
import type { DesktopServices } from '../desktop';

/** The server refused this one request (403 'forbidden'); the session goes on. */
export class OnlineRefusedError extends Error {
  constructor(readonly serverMessage: Message | null) {
    super(serverMessage?.en ?? 'forbidden');
    this.name = 'OnlineRefusedError';
  }
}

/** Run one request with the session; a plain refusal stays a refusal (see the module comment). */
export function request<T>(
  core: DesktopServices,
  fn: (api: ApiClient, token: string) => Promise<T>,
  options: { changes?: boolean } = {},
): Promise<T> {
  return core.withServer(async (api, token) => {
    try {
      return await fn(api, token);
    } catch (e) {
      if (e instanceof ApiError && e.kind === 'forbidden' && e.code === 'forbidden')
        throw new OnlineRefusedError(e.serverMessage);
      throw e;
    }
  }, options);
}

/** Run `fn` over `items`, at most `width` at a time, in order. */
export async function mapLimited<A, B>(
  items: readonly A[],
  width: number,
  fn: (a: A) => Promise<B>,
): Promise<B[]> {
  const out = new Array<B>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= items.length) return;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return out;
}

export interface GatheredOrders {
  orders: (OrderResponse & { summary: OrderSummary })[];
  truncated: boolean;
}

/**
 * The orders in the given statuses, newest first per status, each fetched whole (samples,
 * billings, proofs, reports): at most `limit` in all. The server's list filters one status at a
 * time, so each status is its own request; the details are fetched four at a time.
 */
export async function gatherOrders(
  core: DesktopServices,
  statuses: readonly OrderStatus[],
  limit: number,
): Promise<GatheredOrders> {
  const summaries: OrderSummary[] = [];
  let truncated = false;
  for (const status of new Set(statuses)) {
    let cursor: string | undefined;
    do {
      const left = limit - summaries.length;
      if (left <= 0) {
        truncated = true;
        break;
      }
      const page = await request(core, (api, t) =>
        api.orders(t, { status, limit: Math.min(200, left), ...(cursor ? { cursor } : {}) }),
      );
      summaries.push(...page.orders);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }
  const orders = await mapLimited(summaries, 4, async (summary) => ({
    summary,
    ...(await request(core, (api, t) => api.order(t, summary.id))),
  }));
  return { orders, truncated };
}
