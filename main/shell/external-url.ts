/**
 * What `shell.openExternal` may be handed: http(s) only. Other schemes (file:, smb:, ms-*:,
 * javascript:, custom URL handlers) can start programs or open local files on the workstation.
 */
const MAX_EXTERNAL_URL = 2048;

export function isSafeExternalUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_EXTERNAL_URL) return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  // Credentials in a link are a phishing trick ("https://bank@evil"), never something we send.
  if (url.username || url.password) return false;
  return url.hostname.length > 0;
}
