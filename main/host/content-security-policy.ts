/**
 * The one Content-Security-Policy for the renderer, in Electron and in the browser host: only the
 * app's own scripts, no eval, no inline script, no remote content. `connect` adds the browser
 * host's WebSocket; audio may play from blob: and data: URLs the core hands over. `styleHashes`
 * allow the browser host's inlined style sheet, that text only (main/host/inline-style.ts).
 */
export function contentSecurityPolicy(connect = '', styleHashes: string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    ['style-src', "'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "media-src 'self' blob: data:",
    `connect-src 'self'${connect ? ` ${connect}` : ''}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

/** The headers every page and file of the browser host carries (`port`: its WebSocket's). */
export function browserHostHeaders(
  port: number,
  styleHashes: string[] = [],
): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(
      `ws://127.0.0.1:${port} ws://localhost:${port}`,
      styleHashes,
    ),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
