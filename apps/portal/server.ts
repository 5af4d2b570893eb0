/**
 * The portal's Node server: security headers, CSRF origin check, health checks, static
 * assets, the Remix handler, graceful shutdown. Serves the production build
 * (`npm run build -w @commons/portal`), in development too, so what you try is what ships.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { createLogger } from "@commons/log";
import { originAllowed } from "./app/lib/origin.ts";
import { checkReadiness, disconnectAll, withRequestSqlCount } from "./app/lib/health.server.ts";

const log = createLogger("portal");
const here = path.dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const allowedOrigins = new Set([new URL(publicUrl).origin, ...(process.env.ALLOWED_ORIGINS ?? "").split(",").filter(Boolean)]);

const build = (await import(path.join(here, "build/server/index.js"))) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
app.use(compression());

app.use((_req: Request, res: Response, next: NextFunction) => {
  const nonce = randomBytes(16).toString("base64");
  res.locals.nonce = nonce;
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join("; "),
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  // Reset and invitation tokens live in URLs: never send them to another site.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  if (production) res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  next();
});

app.get("/healthz", (_req, res) => {
  res.json({ status: "ok" });
});

app.get("/readyz", async (_req, res) => {
  const readiness = await checkReadiness();
  res.status(readiness.ready ? 200 : 503).json(readiness);
});

// Only hashed assets are static: a catch-all static handler would stat the disk for every
// page URL before Remix sees it.
app.use("/assets", express.static(path.join(here, "build/client/assets"), { immutable: true, maxAge: "1y", index: false }));

// CSRF: every state-changing request must come from our own pages (SECURITY.md).
app.use((req: Request, res: Response, next: NextFunction) => {
  if (req.method === "GET" || req.method === "HEAD" || req.method === "OPTIONS") return next();
  if (originAllowed(req.headers.origin, req.headers["sec-fetch-site"], allowedOrigins)) return next();
  log.warn("refused a cross-origin request", { method: req.method, path: req.path, origin: req.headers.origin });
  res.status(403).type("text/plain").send("This form was sent from another site and was refused. Reload the page and try again.");
});

app.use(withRequestSqlCount);

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({
      clientIp: req.ip ?? req.socket.remoteAddress ?? "unknown",
      nonce: res.locals.nonce as string,
      secureCookies: production,
    }),
  }),
);

const server = app.listen(port, () => log.info("portal listening", { port, url: publicUrl, production }));
server.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EADDRINUSE") log.error(`port ${port} is in use: stop the other program or set PORT`, { port });
  else log.error("server error", { error });
  process.exit(1);
});

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("draining requests", { signal });
  const timer = setTimeout(() => server.closeAllConnections(), 10_000);
  server.close(async () => {
    clearTimeout(timer);
    await disconnectAll();
    log.info("portal stopped");
    process.exit(0);
  });
  server.closeIdleConnections();
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
