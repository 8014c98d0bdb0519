/**
 * Issue 13 (typed edges): a route's handler is given `auth` exactly when its access level needs a
 * signed-in user, and a command route's body is tied to its command's payload. The type-level
 * checks are compiled by `npm run typecheck` (a `@ts-expect-error` that stops being an error fails
 * it); the router's behaviour is checked by requests.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ReasonBodySchema,
  ReturnOrderRequestSchema,
  ValidateOrderRequestSchema,
} from '../../../shared/api/http';
import type { Authenticated } from '../../../server/auth/service';
import { defaultConfig } from '../../../server/config';
import { AppError } from '../../../server/http/errors';
import type { BodyFieldsOf, CommandNaming, IssuedPayload } from '../../../server/http/issued-payload';
import { createRouter, type HandlerCtx } from '../../../server/http/route';

const ADMIN: Authenticated = {
  actor: {
    userId: '11111111-1111-4111-8111-111111111111',
    role: 'admin_satker',
    labId: null,
    customerId: null,
  },
  user: {
    id: '11111111-1111-4111-8111-111111111111',
    username: 'admin',
    name: 'Admin',
    role: 'admin_satker',
    labId: null,
    customerId: null,
    nip: null,
    active: true,
  },
  sessionId: 'session-1',
};

let app: FastifyInstance | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

/** A router whose every request is signed in as Admin Satker, unless it carries no Authorization. */
function adminRouter() {
  app = Fastify();
  // AppError carries its statusCode: Fastify's own error handler answers with it.
  const router = createRouter(app, defaultConfig(), async (req) => {
    if (!req.headers.authorization) throw new AppError(401, 'unauthorized', { id: '-', en: '-' });
    return ADMIN;
  });
  return { app, router };
}

describe('a route handler and its auth', () => {
  it('a public route is given no auth; a signed-in route is given the user the router authenticated', async () => {
    const { app, router } = adminRouter();
    router.add({
      method: 'GET',
      url: '/public',
      summary: 'public',
      tags: [],
      access: 'public',
      handler: async (ctx) => ({ hasAuth: 'auth' in ctx }),
    });
    router.add({
      method: 'GET',
      url: '/mine',
      summary: 'signed in',
      tags: [],
      access: 'user',
      handler: async ({ auth }) => ({ userId: auth.user.id, role: auth.actor.role }),
    });
    router.add({
      method: 'GET',
      url: '/cashier',
      summary: 'a role list',
      tags: [],
      access: ['bendahara'],
      handler: async ({ auth }) => ({ role: auth.actor.role }),
    });
    expect((await app.inject({ method: 'GET', url: '/public' })).json()).toEqual({ hasAuth: false });
    const mine = await app.inject({ method: 'GET', url: '/mine', headers: { authorization: 'Bearer x' } });
    expect(mine.json()).toEqual({ userId: ADMIN.user.id, role: 'admin_satker' });
    expect((await app.inject({ method: 'GET', url: '/mine' })).statusCode).toBe(401);
    const cashier = await app.inject({
      method: 'GET',
      url: '/cashier',
      headers: { authorization: 'Bearer x' },
    });
    expect(cashier.statusCode).toBe(403);
  });

  it('the types say the same: no auth on a public route, a non-null one elsewhere', () => {
    expectTypeOf<HandlerCtx<unknown, unknown, unknown, 'public'>>().not.toHaveProperty('auth');
    expectTypeOf<HandlerCtx<unknown, unknown, unknown, 'user'>['auth']>().toEqualTypeOf<Authenticated>();
    expectTypeOf<
      HandlerCtx<unknown, unknown, unknown, { permission: 'users.manage' }>['auth']
    >().toEqualTypeOf<Authenticated>();
    expectTypeOf<
      HandlerCtx<unknown, unknown, unknown, readonly ['bendahara']>['auth']
    >().toEqualTypeOf<Authenticated>();
    const { router } = adminRouter();
    router.add({
      method: 'GET',
      url: '/public-reading-auth',
      summary: 'public',
      tags: [],
      access: 'public',
      // @ts-expect-error a public route has no auth to read
      handler: async ({ auth }) => auth,
    });
    expect(router.specs.map((s) => s.url)).toEqual(['/public-reading-auth']);
  });
});

describe("a command route's body and its command's payload", () => {
  it('the issued payload has the command’s fields only, each optional (the server fills in the rest)', () => {
    expectTypeOf<IssuedPayload<'order.cancel'>>().toEqualTypeOf<{ reason?: string }>();
    expectTypeOf<IssuedPayload<'payment.approve'>>().toEqualTypeOf<{ proofId?: string }>();
    // @ts-expect-error order.cancel takes a reason, not a proof
    const wrong: IssuedPayload<'order.cancel'> = { proofId: ADMIN.user.id };
    expect(wrong).toBeDefined();
  });

  it('a body schema must name fields of the payload only', () => {
    expectTypeOf<
      BodyFieldsOf<'order.validate', typeof ValidateOrderRequestSchema>
    >().toEqualTypeOf<unknown>();
    expectTypeOf<BodyFieldsOf<'order.cancel', typeof ReasonBodySchema>>().toEqualTypeOf<unknown>();
    // order.validate has no reason: the return body cannot be its body.
    expectTypeOf<BodyFieldsOf<'order.validate', typeof ReturnOrderRequestSchema>>().toEqualTypeOf<{
      fieldsNotInPayload: 'reason';
    }>();
  });

  it('an operation on a report issues only commands whose payload names a report', () => {
    expectTypeOf<CommandNaming<'reportId'>>().toEqualTypeOf<
      | 'report.number'
      | 'report.request_signature'
      | 'report.sign'
      | 'report.refuse'
      | 'report.release'
      | 'report.amend'
    >();
    expectTypeOf<CommandNaming<'analysisId'>>().toEqualTypeOf<
      'result.save' | 'result.submit' | 'analysis.request_retest'
    >();
  });
});
