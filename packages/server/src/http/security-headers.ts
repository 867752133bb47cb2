import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet from 'helmet';

type HeaderSet = Readonly<Record<string, string>>;

/**
 * The security headers helmet would set, computed once. Helmet's headers depend only on
 * its options (we use no per-request nonce), and calling its middleware on every response
 * costs more than the rest of our request hooks together on the autosave path: each
 * `res.setHeader` is validated by Node before Fastify writes the head anyway.
 */
function headersOf(middleware: ReturnType<typeof helmet>): HeaderSet {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failure: unknown;
  middleware({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  return Object.freeze(headers);
}

export interface SecurityHeaders {
  /** Pages and assets of the web app. */
  documents: HeaderSet;
  /**
   * API answers are data, never documents: the headers OWASP's REST cheat sheet asks for (a
   * CSP that allows nothing, no framing, nosniff, HSTS over HTTPS), without the document
   * policies (COOP, COEP, …).
   */
  api: HeaderSet;
}

export function buildSecurityHeaders(options: { https: boolean }): SecurityHeaders {
  const documents = helmet({
    contentSecurityPolicy: {
      directives: {
        'default-src': ["'self'"],
        'img-src': ["'self'", 'data:'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'script-src': ["'self'"],
        // Only ask browsers to upgrade when we are actually served over HTTPS.
        'upgrade-insecure-requests': options.https ? [] : null,
      },
    },
    strictTransportSecurity: options.https,
  });
  const api = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    originAgentCluster: false,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xPermittedCrossDomainPolicies: false,
    xXssProtection: false,
    strictTransportSecurity: options.https,
  });
  // Confidential data: no browser or proxy keeps a copy of any API answer.
  return { documents: headersOf(documents), api: { ...headersOf(api), 'cache-control': 'no-store' } };
}
