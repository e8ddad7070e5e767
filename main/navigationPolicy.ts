/** Where the renderer was loaded from: a dev server origin, or the packaged index.html. */
export interface AppLocation {
  /** `http://localhost:5173` in development; undefined when packaged. */
  devServerUrl?: string;
  /** file:// URL of the packaged index.html. */
  indexFileUrl: string;
}

/** True when `url` is the app's own page — the only frame allowed to call the API. */
export function isAppUrl(url: string, location: AppLocation): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (location.devServerUrl) return parsed.origin === new URL(location.devServerUrl).origin;
  const index = new URL(location.indexFileUrl);
  return parsed.protocol === 'file:' && parsed.pathname === index.pathname;
}

/** External links open in the user's browser only when they are https. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}
