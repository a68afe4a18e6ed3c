/**
 * Whether a request that changes state comes from another site (cross-site request forgery): any
 * page a signed-in manager opens could otherwise POST a file to the app in their name. Browsers send
 * `Origin` with every non-GET request and `Sec-Fetch-Site` with every request; a client that sends
 * neither is not a browser (curl, scripts), which a forged request cannot come from.
 */

/** Methods that never change state here: always allowed. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface WriteRequest {
  method: string;
  /** The app's own origin as the request reached it, e.g. `http://localhost:3000`. */
  ownOrigin: string;
  /** The `Origin` header, or null. */
  origin: string | null;
  /** The `Sec-Fetch-Site` header, or null. */
  secFetchSite: string | null;
  /** Other origins the app is served under (a reverse proxy's public origin), exact `scheme://host[:port]`. */
  trustedOrigins: readonly string[];
}

/** Why the request must be refused, or null when it may proceed. */
export function crossSiteRefusal(request: WriteRequest): string | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  const allowed = new Set([request.ownOrigin, ...request.trustedOrigins]);
  if (request.origin !== null) {
    // `null` is what a sandboxed frame, a file: page or a redirect across origins sends.
    if (!allowed.has(request.origin))
      return `a ${request.method} from ${request.origin.slice(0, 100)} is not accepted: only this site may write`;
    return null;
  }
  // No Origin: only a fetch metadata header can still tell a browser's cross-site request.
  // "same-site" is refused too: another port of localhost is the same site but not this app.
  if (request.secFetchSite !== null && request.secFetchSite !== 'same-origin' && request.secFetchSite !== 'none') {
    return `a ${request.method} from another site (${request.secFetchSite.slice(0, 20)}) is not accepted: only this site may write`;
  }
  return null;
}
