import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl } from './navigationPolicy';

const packaged = { indexFileUrl: 'file:///opt/driftless/resources/app.asar/.vite/renderer/main_window/index.html' };
const dev = { devServerUrl: 'http://localhost:5173', indexFileUrl: packaged.indexFileUrl };

describe('navigation policy', () => {
  it('trusts only the app page', () => {
    expect(isAppUrl(`${packaged.indexFileUrl}#/x`, packaged)).toBe(true);
    expect(isAppUrl('file:///etc/passwd', packaged)).toBe(false);
    expect(isAppUrl('https://evil.example/', packaged)).toBe(false);
    expect(isAppUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl('not a url', dev)).toBe(false);
  });

  it('opens only https links externally', () => {
    expect(isAllowedExternalUrl('https://developer.hashicorp.com/terraform')).toBe(true);
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', '']) {
      expect(isAllowedExternalUrl(url)).toBe(false);
    }
  });
});
