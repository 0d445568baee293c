/**
 * The one Content-Security-Policy for the renderer, in Electron and in the browser host: only the
 * app's own scripts, no eval, no inline script, no remote content. `connect` adds the browser
 * host's WebSocket; audio may play from blob: and data: URLs the core hands over.
 */
export function contentSecurityPolicy(connect = ''): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
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
