/**
 * Staged rollout, decided the way electron-updater decides it (AppUpdater.isStagingMatch): the
 * install's staging id is a UUID kept in `<userData>/.updaterId`; its bytes 12..15 read as an
 * unsigned big-endian integer, divided by 0xffffffff, give the install's place in [0, 1]; the
 * install gets the release when that place is below stagingPercentage / 100.
 *
 * electron-updater sends no id to a generic feed by itself. The desktop's updater sends the same
 * id in `X-SIPPT-Install-Id`; the server then decides with this function, so server and client
 * always agree, and an install outside the newest release's rollout is offered the release before
 * it instead of nothing. Without the header the yml carries stagingPercentage and the client decides.
 */
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isInstallId(id: string): boolean {
  return UUID_RE.test(id);
}

/** The install's place in the rollout, in [0, 1] (null: not a UUID). */
export function rolloutPlace(installId: string): number | null {
  if (!isInstallId(installId)) return null;
  const bytes = Buffer.from(installId.replace(/-/g, ''), 'hex');
  return bytes.readUInt32BE(12) / 0xffffffff;
}

/** Whether the install gets a release rolled out to `stagingPercentage` percent (100: everyone). */
export function inRollout(installId: string, stagingPercentage: number): boolean {
  if (stagingPercentage >= 100) return true;
  const place = rolloutPlace(installId);
  if (place === null) return false;
  return place < stagingPercentage / 100;
}
