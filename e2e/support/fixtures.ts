import { createHash } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { fromSetup } from "./env.ts";
import { logTail } from "./processes.ts";

/**
 * Every page a test opens is watched:
 * - axe (WCAG 2 A and AA) runs on each page the browser loads, after each client-side
 *   navigation or form submission settles, and on the last state of the page — once per
 *   distinct state: the same address showing the same markup is not checked twice; a
 *   violation of impact "serious" or "critical" fails the test;
 * - any response of the portal with a status of 500 or more fails the test.
 * When a test fails, the portal's and worker's last log lines are attached to it.
 */
type AxeResults = Awaited<ReturnType<AxeBuilder["analyze"]>>;
const AXE_TAGS = ["wcag2a", "wcag2aa"];
const FAILING_IMPACTS = new Set(["serious", "critical"]);

interface Violation {
  url: string;
  id: string;
  impact: string;
  help: string;
  helpUrl: string;
  nodes: { target: string; html: string; summary: string }[];
}

/** Watches one page; `finish()` checks the page's final state and returns the problems. */
class PageWatch {
  readonly violations = new Map<string, Violation>();
  readonly serverErrors: string[] = [];
  /** Uncaught exceptions and console errors (CSP refusals among them), reported with each test. */
  readonly browserErrors: string[] = [];
  /** Each axe run: what triggered it and the page's path. */
  readonly runs: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private helper: Page | undefined;
  /** Address + markup of each state already checked: a load and its settle often show the same page. */
  private readonly seen = new Set<string>();

  constructor(
    readonly page: Page,
    private readonly origin: string,
    private readonly javaScriptEnabled: boolean,
  ) {}

  async attach(): Promise<void> {
    const { page } = this;
    page.on("response", (response) => {
      if (response.status() >= 500 && response.url().startsWith(this.origin)) {
        this.serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on("pageerror", (error) => this.browserErrors.push(`${page.url()}: uncaught ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") this.browserErrors.push(`${page.url()}: console error: ${message.text()}`);
    });
    page.on("load", () => this.schedule("load"));
    // Remix navigates and submits forms without a page load: the page tells us when its
    // router is idle again (and React has painted), through a binding CSP cannot block.
    await page.exposeBinding("__e2eSettled", () => this.schedule("settled"));
    await page.addInitScript(() => {
      type RouterState = { navigation: { state: string }; revalidation: string; fetchers: Map<string, { state: string }> };
      type Router = { subscribe(listener: (state: RouterState) => void): () => void };
      const w = window as unknown as { __remixRouter?: Router; __e2eSettled?: () => void };
      let router: Router | undefined;
      Object.defineProperty(w, "__remixRouter", {
        configurable: true,
        get: () => router,
        set(value: Router) {
          router = value;
          let busy = false;
          value.subscribe((state) => {
            const idle = state.navigation.state === "idle" && state.revalidation === "idle" && [...state.fetchers.values()].every((f) => f.state === "idle");
            if (!idle) busy = true;
            else if (busy) {
              busy = false;
              requestAnimationFrame(() => setTimeout(() => w.__e2eSettled?.(), 0));
            }
          });
        },
      });
    });
  }

  /** Queues an axe run on whatever the page shows now. */
  schedule(trigger: string): Promise<void> {
    this.queue = this.queue.then(() => this.analyse(trigger)).catch(() => undefined);
    return this.queue;
  }

  private async analyse(trigger: string): Promise<void> {
    const { page } = this;
    if (page.isClosed() || !page.url().startsWith(this.origin)) return;
    try {
      const state = `${page.url()}\n${createHash("sha1").update(await page.content()).digest("hex")}`;
      if (this.seen.has(state)) return;
      this.seen.add(state);
    } catch {
      // The page navigated away meanwhile: its next state gets its own run.
      return;
    }
    let results: AxeResults;
    try {
      results = await withTimeout(this.javaScriptEnabled ? new AxeBuilder({ page }).withTags(AXE_TAGS).analyze() : this.analyseSnapshot(), 15_000);
    } catch {
      // The page navigated away while axe ran: its next state gets its own run.
      return;
    }
    const { pathname, search } = new URL(results.url);
    this.runs.push(`${trigger.padEnd(8)} ${pathname}${search}`);
    for (const v of results.violations) {
      if (!v.impact || !FAILING_IMPACTS.has(v.impact)) continue;
      const key = `${pathname} ${v.id}`;
      if (this.violations.has(key)) continue;
      this.violations.set(key, {
        url: results.url,
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary ?? "" })),
      });
    }
  }

  /**
   * axe needs timers and promises, which a page with JavaScript turned off never runs. So
   * the page's HTML is copied into a page of a JavaScript-enabled context (the stylesheet
   * still comes from the portal, for colour contrast; the portal's scripts are refused).
   */
  private async analyseSnapshot(): Promise<AxeResults> {
    const url = this.page.url();
    const html = await this.page.content();
    if (!this.helper) {
      // Explicit: inside a test, newContext() applies the test's `use` options (JavaScript off).
      const context = await this.page.context().browser()!.newContext({ baseURL: this.origin, javaScriptEnabled: true });
      this.helper = await context.newPage();
    }
    const helper = this.helper;
    await helper.unrouteAll();
    await helper.route(
      (u) => u.href === url,
      (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy": "script-src 'none'" }, body: html }),
    );
    await helper.goto(url);
    const results = await new AxeBuilder({ page: helper }).withTags(AXE_TAGS).analyze();
    return { ...results, url };
  }

  async finish(): Promise<void> {
    await this.queue;
    await this.schedule("final");
    await this.helper?.context().close();
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`axe did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function describeViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes.map((n) => `    • ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, "\n      ")}`).join("\n");
      return `[${v.impact}] ${v.id}: ${v.help}\n  on ${v.url}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join("\n\n");
}

async function reportServiceLogs(testInfo: TestInfo) {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const [name, variable] of [["portal", "E2E_PORTAL_LOG"], ["worker", "E2E_WORKER_LOG"]] as const) {
    const file = process.env[variable];
    if (!file) continue;
    const tail = logTail(name, file, 40);
    await testInfo.attach(`${name}.log`, { body: tail, contentType: "text/plain" });
    process.stdout.write(`${tail}\n`);
  }
}

export interface Fixtures {
  /** Opens a page in a new browser context (another person, no shared cookies), watched like `page`. */
  newVisitor: (options?: BrowserContextOptions) => Promise<Page>;
  watch: PageWatch[];
}

async function watched(browser: Browser, origin: string, options: BrowserContextOptions, watches: PageWatch[]): Promise<Page> {
  const context = await browser.newContext({ ...options, baseURL: origin });
  const page = await context.newPage();
  const watch = new PageWatch(page, origin, options.javaScriptEnabled ?? true);
  await watch.attach();
  watches.push(watch);
  return page;
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  baseURL: async ({}, use) => {
    await use(fromSetup("baseUrl"));
  },

  watch: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use, testInfo) => {
      const watches: PageWatch[] = [];
      await use(watches);
      const problems: string[] = [];
      const serverErrors = watches.flatMap((w) => w.serverErrors);
      if (serverErrors.length) problems.push(`The portal answered with a server error:\n  ${serverErrors.join("\n  ")}`);
      const violations = watches.flatMap((w) => [...w.violations.values()]);
      if (violations.length) problems.push(`Accessibility violations (axe, WCAG 2 A/AA, serious or critical):\n\n${describeViolations(violations)}`);
      const browserErrors = watches.flatMap((w) => w.browserErrors);
      if (browserErrors.length) await testInfo.attach("browser-errors.txt", { body: browserErrors.join("\n"), contentType: "text/plain" });
      await testInfo.attach("axe-runs.txt", { body: watches.flatMap((w) => w.runs).join("\n"), contentType: "text/plain" });
      await reportServiceLogs(testInfo);
      if (problems.length) throw new Error(problems.join("\n\n"));
    },
    { auto: true },
  ],

  page: async ({ page, baseURL, watch, javaScriptEnabled }, use) => {
    const w = new PageWatch(page, baseURL ?? fromSetup("baseUrl"), javaScriptEnabled ?? true);
    await w.attach();
    watch.push(w);
    await use(page);
    await w.finish();
  },

  newVisitor: async ({ browser, baseURL, watch, javaScriptEnabled }, use) => {
    const contexts: Page[] = [];
    await use(async (options = {}) => {
      const page = await watched(browser, baseURL ?? fromSetup("baseUrl"), { javaScriptEnabled, ...options }, watch);
      contexts.push(page);
      return page;
    });
    for (const page of contexts) {
      await watch.find((w) => w.page === page)?.finish();
      await page.context().close();
    }
  },
});

export { expect };
