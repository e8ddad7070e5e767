import { chromium, type Browser } from 'playwright-core';
import { requireBinary } from '../../support/binaries';

export const chromiumBinary = requireBinary('chromium');

/** The flags this machine needs for Debian's Chromium (no network beyond loopback). */
export const chromiumFlags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'];

/** Debian's Chromium, headless, with `chromiumFlags`. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumBinary.path, headless: true, args: chromiumFlags });
}
