import { sql } from 'kysely';
import { API_PREFIX, HealthResponseSchema } from '../../../shared/api/http';
import { AppError } from '../errors';
import type { AppContext } from '../context';

export function healthRoutes(app: AppContext): void {
  app.router.add({
    method: 'GET',
    url: `${API_PREFIX}/health`,
    summary: 'Kesehatan server: 200 bila basis data menjawab / health: 200 when the database answers',
    tags: ['health'],
    access: 'public',
    response: HealthResponseSchema,
    handler: async () => {
      try {
        await sql`select 1 as ok`.execute(app.env.handle.db);
      } catch {
        throw new AppError(503, 'not_available', {
          id: 'Basis data tidak dapat dihubungi.',
          en: 'The database is unreachable.',
        });
      }
      return {
        status: 'ok' as const,
        database: app.env.handle.dialect,
        time: app.env.config.now().toISOString(),
      };
    },
  });
}
