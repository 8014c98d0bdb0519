/**
 * Where a workspace lives: one folder per (server, user) under the app's data folder, so
 * colleagues sharing a lab PC never see each other's drafts or queue, and a test server and the
 * production server never mix. The folder name is a hash; a small JSON file in it says whose it is.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export function normalizeServerUrl(url: string): string {
  const u = new URL(url.trim());
  u.hash = '';
  u.search = '';
  let path = u.pathname.replace(/\/+$/, '');
  if (path === '') path = '';
  return `${u.protocol}//${u.host.toLowerCase()}${path}`;
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function workspaceKey(serverUrl: string, username: string): string {
  return createHash('sha256')
    .update(`${normalizeServerUrl(serverUrl)}\n${normalizeUsername(username)}`)
    .digest('hex')
    .slice(0, 32);
}

export function workspaceDir(dataDir: string, serverUrl: string, username: string): string {
  return join(dataDir, 'workspaces', workspaceKey(serverUrl, username));
}

export const WORKING_FILE = 'working.sqlite';
export const OUTBOX_FILE = 'outbox.sqlite';
export const OWNER_FILE = 'workspace.json';
