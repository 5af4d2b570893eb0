declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (X-Forwarded-For honoured only when TRUST_PROXY is set). */
    clientIp: string;
    /** Per-response nonce for the Content-Security-Policy's inline scripts. */
    nonce: string;
    /** Cookies get Secure and the __Host- prefix (production). */
    secureCookies: boolean;
  }
}

export {};
