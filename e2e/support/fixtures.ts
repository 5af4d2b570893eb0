import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContextOptions, type Page, type TestInfo } from "@playwright/test";
import { fromSetup } from "./env.ts";
import { logTail } from "./processes.ts";

/**
 * Every page a test opens is watched:
 * - axe (WCAG 2 A and AA) runs on each page the browser loads, after each client-side
 *   navigation or form submission settles, and on the last state of the page; a
 *   violation of impact "serious" or "critical" fails the test;
 * - any response of the portal with a status of 500 or more fails the test.
 * When a test fails, the portal's and worker's last log lines are attached to it.
 */
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
  readonly checkedUrls = new Set<string>();
  private queue: Promise<void> = Promise.resolve();

  constructor(
    readonly page: Page,
    private readonly origin: string,
  ) {}

  async attach(): Promise<void> {
    const { page } = this;
    page.on("response", (response) => {
      if (response.status() >= 500 && response.url().startsWith(this.origin)) {
        this.serverErrors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
      }
    });
    page.on("load", () => this.schedule());
    // Remix navigates and submits forms without a page load: the page tells us when its
    // router is idle again (and React has painted), through a binding CSP cannot block.
    await page.exposeBinding("__e2eSettled", () => this.schedule());
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
  schedule(): Promise<void> {
    this.queue = this.queue.then(() => this.analyse()).catch(() => undefined);
    return this.queue;
  }

  private async analyse(): Promise<void> {
    const { page } = this;
    if (page.isClosed()) return;
    const url = page.url();
    if (!url.startsWith(this.origin)) return;
    let results;
    try {
      results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    } catch {
      // The page navigated away while axe ran: its next state gets its own run.
      return;
    }
    this.checkedUrls.add(url);
    for (const v of results.violations) {
      if (!v.impact || !FAILING_IMPACTS.has(v.impact)) continue;
      const key = `${new URL(url).pathname} ${v.id}`;
      if (this.violations.has(key)) continue;
      this.violations.set(key, {
        url,
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(" "), html: n.html, summary: n.failureSummary ?? "" })),
      });
    }
  }

  async finish(): Promise<void> {
    await this.queue;
    await this.schedule();
  }
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
  const watch = new PageWatch(page, origin);
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
      const checked = [...new Set(watches.flatMap((w) => [...w.checkedUrls].map((u) => new URL(u).pathname)))];
      await testInfo.attach("axe-checked-pages.txt", { body: checked.join("\n"), contentType: "text/plain" });
      await reportServiceLogs(testInfo);
      if (problems.length) throw new Error(problems.join("\n\n"));
    },
    { auto: true },
  ],

  page: async ({ page, baseURL, watch }, use) => {
    const w = new PageWatch(page, baseURL ?? fromSetup("baseUrl"));
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
