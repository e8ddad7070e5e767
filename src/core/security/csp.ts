/**
 * The Content-Security-Policy of the renderer, for the Electron window and the web shell alike.
 * No `unsafe-eval`, no remote origin. Styles allow inline because React Flow and xterm set
 * element styles and inject <style> tags; scripts never do.
 */
export function contentSecurityPolicy(options: { development?: boolean } = {}): string {
  // Vite's dev server injects an inline React-refresh preamble and talks over ws://localhost.
  const devScript = options.development ? " 'unsafe-inline'" : '';
  const devConnect = options.development ? ' ws://localhost:* http://localhost:*' : '';
  return [
    "default-src 'none'",
    `script-src 'self'${devScript}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${devConnect}`,
    "worker-src 'self' blob:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}
