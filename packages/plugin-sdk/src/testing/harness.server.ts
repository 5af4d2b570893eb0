import { randomBytes, randomUUID } from "node:crypto";
import type { z } from "zod";
import { createSession, sessionCookieName } from "@commons/auth";
import { withTenant, type Db } from "@commons/db";
import { ownerClient, ownerInTenant } from "@commons/db/admin";
import { createMailTransport } from "@commons/email";
import { startMailbox, type Mailbox } from "@commons/email/mailbox";
import type { Module } from "../manifest.ts";
import { ROLES, type Role } from "../roles.ts";
import { rolePermissions } from "../server/permissions.server.ts";
import { dispatchModuleEvent, type DispatchOutcome } from "../server/subscribers.server.ts";
import { runModuleJob, type ModuleJobOutcome } from "../server/jobs.server.ts";
import type { SubscriberLog } from "../server/module-server.server.ts";
import type { TenantSummary } from "../server/request.server.ts";

/**
 * Integration tests for a module against a real, migrated PostgreSQL database: a throwaway
 * coalition with the module switched on, people with real sessions, and calls to the
 * module's own loaders and actions. Nothing is mocked; what passes here passes in the portal.
 *
 *   useTestDatabase();
 *   let h: PluginHarness;
 *   beforeAll(async () => { h = await createPluginHarness(plugin); });
 *   afterAll(() => h.close());
 *
 * createPluginHarness must run after useTestDatabase()'s beforeAll (register it first, or
 * call the harness inside a test): that is when DATABASE_URL points at the file's database.
 */

/** The load context the portal hands every loader and action, as a test sees it. */
export type HarnessContext = { secureCookies: false; clientIp: string; nonce: string };

/** What a Remix loader or action is called with. */
export type HarnessArgs = { request: Request; context: HarnessContext; params: Record<string, string | undefined> };

/** Remix's data(value, init) (single fetch): a value with a status, not yet a Response. */
type DataWithInit<D> = { type: string; data: D; init: ResponseInit | null };

/** What a test reads from a loader's or action's result: data() unwrapped, Responses left out. */
export type CallData<R> = R extends Response ? unknown : R extends DataWithInit<infer D> ? D : R;

export interface CallResult<D> {
  /** 200 for a plain value; data()'s status; or the returned or thrown Response's status. */
  status: number;
  headers: Headers;
  /**
   * What the loader or action returned, unwrapped from data(). For a Response (returned or
   * thrown: a 404, a redirect) it is the parsed JSON body if there is one, else undefined.
   */
  data: D | undefined;
  /** The Response returned or thrown, if it was one (read `headers.get("Location")` for redirects). */
  response: Response | undefined;
  /** That Response's body as text ("Not found" for the SDK's 404). */
  body: string | undefined;
  /** True when the loader or action threw the Response rather than returning it. */
  thrown: boolean;
}

export interface FormInit extends RequestInit {
  /** A form body (application/x-www-form-urlencoded); makes the request a POST unless `method` says otherwise. */
  form?: Record<string, string | number | boolean | readonly string[]> | URLSearchParams;
}

export interface HarnessPerson {
  id: string;
  email: string;
  name: string;
  /** null: signed in, but no member of this coalition. */
  role: Role | null;
  /** The session token (the cookie's value). */
  token: string;
  /** The session cookie header value: `commons_session=<token>`. */
  cookie: string;
  /**
   * A Request as this person's browser would send it: their session cookie, an Origin, and
   * for `form` a urlencoded POST body. `url` may be a path ("/c/<slug>/<module>/…").
   */
  request(url: string, init?: FormInit): Request;
}

export interface PersonOptions {
  /** The person's role in the coalition; null for a signed-in person who is not a member. Default MEMBER. */
  role?: Role | null;
  /**
   * Permissions the person must hold. Permissions come from roles only (the role's core
   * permissions plus what each module grants the role); there are no per-person grants yet.
   * Without `role`, the least-privileged role holding all of them is chosen; with a role
   * that does not hold them, person() throws and names the roles that do.
   */
  permissions?: readonly string[];
  name?: string;
  email?: string;
  /** Name of an organisation in the coalition the person belongs to; created when new. */
  organisation?: string;
}

export interface HarnessOptions<Settings extends z.ZodObject = z.ZodObject> {
  /** Switch the module on for the coalition (default true). Core modules are always on. */
  enabled?: boolean;
  /** Stored settings (merged over nothing: missing fields fall back to the schema's defaults). */
  settings?: Partial<z.input<Settings>>;
}

export interface OutboxRow {
  id: string;
  type: string;
  payload: unknown;
  createdAt: Date;
}

export interface LogEntry {
  level: "info" | "warn";
  message: string;
  fields?: Record<string, unknown>;
}

export interface Dispatched {
  eventId: string;
  /** "ran", "already-ran" (same event id again), "module-off", or undefined when the module has no subscriber for it. */
  outcome: DispatchOutcome | undefined;
  /** What the subscriber logged. */
  log: LogEntry[];
}

export interface HarnessCoalition {
  tenant: TenantSummary;
  /** "/c/<slug>/<module id>" plus `sub` ("", "items/1", "?q=x"). */
  path(sub?: string): string;
  /** "/c/<slug>/admin/<module id>" plus `sub`, for admin routes. */
  adminPath(sub?: string): string;
  person(options?: PersonOptions): Promise<HarnessPerson>;
  /** Switch the module on or off, or replace its stored settings, for this coalition. */
  configure(options: HarnessOptions): Promise<void>;
  /** The outbox rows of this coalition (optionally of one type), oldest first. */
  events(type?: string): Promise<OutboxRow[]>;
  /** Runs `work` with the same tenant-scoped data layer a module's routes get (no person). */
  db<T>(work: (db: Db) => Promise<T>): Promise<T>;
  /**
   * Hands an event of this coalition to the module's subscriber exactly as the worker does
   * (dispatchModuleEvent: ledger, tenant transaction, switched-off check). Pass the same
   * `eventId` twice to see the second delivery do nothing.
   */
  dispatch(type: string, payload: Record<string, unknown>, options?: { eventId?: string }): Promise<Dispatched>;
  /**
   * Runs one of the module's scheduled jobs for this coalition as the worker's run does
   * (runModuleJob: tenant transaction, switched-off check). `scheduledAt` defaults to now.
   */
  runJob(jobId: string, options?: { scheduledAt?: Date }): Promise<{ outcome: ModuleJobOutcome["kind"]; log: LogEntry[] }>;
}

export interface OtherTenant extends HarnessCoalition {
  /** A MEMBER of the other coalition (not of the harness's). */
  member: HarnessPerson;
}

export interface PluginHarness extends HarnessCoalition {
  module: Module;
  /**
   * Calls a loader or action as the portal would: context { secureCookies: false, clientIp:
   * "127.0.0.1", nonce: "" }, params.tenant defaulting to this coalition's slug. Returns the
   * result, or the Response it threw (404, redirect), normalised to { status, data, … }.
   */
  call<R>(fn: (args: HarnessArgs) => R, options: { request: Request; params?: Record<string, string | undefined> }): Promise<CallResult<CallData<Awaited<R>>>>;
  /** A second coalition, the module on there too, with a member: for cross-tenant attempts. */
  otherTenant(options?: HarnessOptions): Promise<OtherTenant>;
  /**
   * A real SMTP server on loopback; starting it points SMTP_URL at it, so mail sent through
   * @commons/email in this process lands there. Started on first call, closed by close().
   */
  mailbox(): Promise<Mailbox>;
  /** Closes the mailbox, if one was started. */
  close(): Promise<void>;
}

const BASE_URL = "http://localhost";

function unique(): string {
  return randomBytes(4).toString("hex");
}

function formBody(form: NonNullable<FormInit["form"]>): URLSearchParams {
  if (form instanceof URLSearchParams) return form;
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) {
    if (Array.isArray(value)) for (const v of value as readonly string[]) body.append(key, v);
    else body.append(key, String(value));
  }
  return body;
}

/** The least-privileged role holding every permission, or a message saying none does. */
function roleFor(module: Module, wanted: readonly string[], role: Role | undefined): Role {
  const holds = (r: Role) => {
    const granted = rolePermissions(r, [module]);
    return wanted.every((p) => granted.has(p));
  };
  if (role && holds(role)) return role;
  const holders = ROLES.filter(holds);
  const chosen = holders.at(-1);
  if (!role && chosen) return chosen;
  const missing = role ? wanted.filter((p) => !rolePermissions(role, [module]).has(p)) : wanted;
  throw new Error(
    `The harness cannot give ${role ?? "anyone"} ${missing.map((p) => `"${p}"`).join(", ")}: permissions come from roles only ` +
      `(no per-person grants yet). ${holders.length ? `Roles that hold them: ${holders.join(", ")}.` : `No role holds them: check the module's permissions.`}`,
  );
}

function isDataWithInit(value: unknown): value is DataWithInit<unknown> {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit" && "data" in value && "init" in value;
}

async function fromResponse(response: Response, thrown: boolean): Promise<CallResult<unknown>> {
  const body = await response.clone().text();
  let data: unknown;
  if (body && response.headers.get("content-type")?.includes("json")) data = JSON.parse(body);
  return { status: response.status, headers: response.headers, data, response, body, thrown };
}

async function normalise(run: () => unknown): Promise<CallResult<unknown>> {
  let value: unknown;
  try {
    value = await run();
  } catch (error) {
    if (error instanceof Response) return fromResponse(error, true);
    if (isDataWithInit(error)) return { status: error.init?.status ?? 200, headers: new Headers(error.init?.headers), data: error.data, response: undefined, body: undefined, thrown: true };
    throw error;
  }
  if (value instanceof Response) return fromResponse(value, false);
  if (isDataWithInit(value)) return { status: value.init?.status ?? 200, headers: new Headers(value.init?.headers), data: value.data, response: undefined, body: undefined, thrown: false };
  return { status: 200, headers: new Headers(), data: value, response: undefined, body: undefined, thrown: false };
}

/** A log that keeps what a hook wrote, for the test to read. */
function collectingLog(): { log: SubscriberLog; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    log: { info: (message, fields) => entries.push({ level: "info", message, fields }), warn: (message, fields) => entries.push({ level: "warn", message, fields }) },
  };
}

async function createCoalition(module: Module, options: HarnessOptions, label: string): Promise<HarnessCoalition> {
  const suffix = unique();
  const tenant = await ownerClient().tenant.create({
    data: { slug: `${label}-${suffix}`, name: `${label === "harness" ? "Harness" : "Other"} coalition ${suffix}`, description: `Throwaway coalition for ${module.id} tests.` },
    select: { id: true, slug: true, name: true, description: true },
  });

  const configure = async ({ enabled = true, settings }: HarnessOptions) => {
    await ownerInTenant(tenant.id, async (tx) => {
      const stored = (settings ?? {}) as object;
      await tx.moduleSetting.upsert({
        where: { tenantId_moduleId: { tenantId: tenant.id, moduleId: module.id } },
        create: { tenantId: tenant.id, moduleId: module.id, enabled, settings: stored },
        update: { enabled, ...(settings ? { settings: stored } : {}) },
      });
    });
  };
  if (!module.core && options.enabled !== false) await configure(options);
  else if (!module.core && options.settings) await configure({ enabled: false, settings: options.settings });

  const organisations = new Map<string, string>();
  const organisationId = async (name: string) => {
    let id = organisations.get(name);
    if (!id) {
      const created = await ownerInTenant(tenant.id, (tx) =>
        tx.organisation.create({ data: { tenantId: tenant.id, name, type: "NGO", region: "Global" }, select: { id: true } }),
      );
      id = created.id;
      organisations.set(name, id);
    }
    return id;
  };

  const person = async (options: PersonOptions = {}): Promise<HarnessPerson> => {
    const role = options.role === null ? null : options.permissions?.length ? roleFor(module, options.permissions, options.role) : (options.role ?? "MEMBER");
    const id = unique();
    const user = await ownerClient().user.create({
      data: { email: options.email ?? `person-${id}@example.test`, name: options.name ?? `Person ${id}`, emailVerifiedAt: new Date() },
      select: { id: true, email: true, name: true },
    });
    if (role) {
      const organisation = options.organisation ? await organisationId(options.organisation) : null;
      await ownerInTenant(tenant.id, (tx) => tx.membership.create({ data: { tenantId: tenant.id, userId: user.id, role, organisationId: organisation } }));
    }
    const { token } = await createSession(user.id);
    const cookie = `${sessionCookieName(false)}=${token}`;
    return {
      ...user,
      role,
      token,
      cookie,
      request(url, init = {}) {
        const { form, ...rest } = init;
        const headers = new Headers(rest.headers);
        headers.set("cookie", [headers.get("cookie"), cookie].filter(Boolean).join("; "));
        headers.set("origin", BASE_URL);
        const method = rest.method ?? (form ? "POST" : "GET");
        return new Request(new URL(url, BASE_URL), { ...rest, method, headers, body: form ? formBody(form) : rest.body });
      },
    };
  };

  const mount = (prefix: string, sub = "") => {
    const tail = sub && !sub.startsWith("?") ? `/${sub.replace(/^\//, "")}` : sub;
    return `/c/${tenant.slug}/${prefix}${tail}`;
  };

  return {
    tenant,
    path: (sub) => mount(module.id, sub),
    adminPath: (sub) => mount(`admin/${module.id}`, sub),
    person,
    configure,
    events: (type) =>
      ownerInTenant(tenant.id, (tx) =>
        tx.outboxEvent.findMany({
          where: { tenantId: tenant.id, ...(type ? { type } : {}) },
          orderBy: { createdAt: "asc" },
          select: { id: true, type: true, payload: true, createdAt: true },
        }),
      ),
    db: (work) => withTenant(tenant.id, null, work),
    async dispatch(type, payload, { eventId = randomUUID() } = {}) {
      const { log, entries } = collectingLog();
      const outcomes = await dispatchModuleEvent([module], { id: eventId, type, tenantId: tenant.id, payload }, {
        ownerClient: ownerClient(),
        log,
        // mailbox() points SMTP_URL at a loopback server; without it, notify() says so.
        mail: process.env.SMTP_URL ? { transport: createMailTransport(process.env.SMTP_URL), publicUrl: process.env.PUBLIC_URL ?? "http://localhost:3000" } : undefined,
      });
      return { eventId, outcome: outcomes[module.id], log: entries };
    },
    async runJob(jobId, { scheduledAt = new Date() } = {}) {
      const { log, entries } = collectingLog();
      const outcome = await runModuleJob(module, jobId, tenant.id, scheduledAt, { log, publicUrl: process.env.PUBLIC_URL ?? "http://localhost:3000" });
      return { outcome: outcome.kind, log: entries };
    },
  };
}

/**
 * A throwaway coalition with `module` switched on (unless `enabled: false`) and its
 * settings stored. Call after useTestDatabase()'s beforeAll.
 */
export async function createPluginHarness<Settings extends z.ZodObject>(module: Module<Settings>, options: HarnessOptions<Settings> = {}): Promise<PluginHarness> {
  const plain = module as unknown as Module;
  const home = await createCoalition(plain, options, "harness");
  let mailbox: Promise<Mailbox> | undefined;
  return {
    ...home,
    module: plain,
    async call(fn, { request, params = {} }) {
      const context: HarnessContext = { secureCookies: false, clientIp: "127.0.0.1", nonce: "" };
      const result = await normalise(() => fn({ request, context, params: { tenant: home.tenant.slug, ...params } }));
      // The data is what the caller's loader returned, unwrapped as CallData describes.
      return result as CallResult<CallData<Awaited<ReturnType<typeof fn>>>>;
    },
    async otherTenant(otherOptions = options) {
      const other = await createCoalition(plain, otherOptions, "other");
      return { ...other, member: await other.person({ role: "MEMBER" }) };
    },
    mailbox() {
      mailbox ??= startMailbox().then((started) => {
        process.env.SMTP_URL = started.url;
        return started;
      });
      return mailbox;
    },
    async close() {
      if (mailbox) await (await mailbox).close();
    },
  };
}
