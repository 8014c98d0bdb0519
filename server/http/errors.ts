import type { Message, Rejection } from '../../shared/domain/rejections';
import { REJECTION_STATUS, type ErrorCode } from '../../shared/api/http';

/** An error a person can act on: HTTP status, code, message in Indonesian and English. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly msg: Message,
    readonly issues?: { path: string; message: string }[],
    readonly headers?: Record<string, string>,
  ) {
    super(`${msg.id} / ${msg.en}`);
    this.name = 'AppError';
  }
}

export const fail = {
  badRequest: (id: string, en: string, issues?: { path: string; message: string }[]) =>
    new AppError(400, 'bad_request', { id, en }, issues),
  unauthorized: (id = 'Silakan masuk (login) terlebih dahulu.', en = 'Please log in first.') =>
    new AppError(401, 'unauthorized', { id, en }, undefined, { 'www-authenticate': 'Bearer' }),
  forbidden: (id = 'Anda tidak berhak melakukan ini.', en = 'You are not allowed to do this.') =>
    new AppError(403, 'forbidden', { id, en }),
  notFound: (id = 'Data tidak ditemukan.', en = 'Not found.') => new AppError(404, 'not_found', { id, en }),
  conflict: (id: string, en: string) => new AppError(409, 'conflict', { id, en }),
  unsupportedMedia: (id: string, en: string) => new AppError(415, 'unsupported_media_type', { id, en }),
};

export function rejectionError(r: Pick<Rejection, 'code' | 'message'>): AppError {
  return new AppError(REJECTION_STATUS[r.code], r.code, r.message);
}
