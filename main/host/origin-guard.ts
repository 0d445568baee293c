/**
 * The browser host answers only its own page: the Origin must be this host on loopback, and the
 * Host header must name loopback too (which defeats DNS rebinding from a web page).
 */
export function allowedOrigins(port: number): Set<string> {
  return new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
}

export function isLoopbackHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}
