/**
 * Web permission requests (camera, microphone, geolocation, notifications, clipboard read, HID,
 * serial, MIDI, fullscreen by script ...). The lab app needs none of them, so every request and
 * every check is refused, whatever the origin: a feature that needs one must add it here, with a
 * test and a reason.
 */
export function allowPermission(_permission: string, _requestingUrl: string | null | undefined): boolean {
  return false;
}
