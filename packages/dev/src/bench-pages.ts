/**
 * The pages `npm run bench` measures. A module that adds an important page adds a line
 * here, so its cost shows up beside the others. `{tenant}` becomes the big coalition's slug.
 */
export interface BenchPage {
  name: string;
  path: string;
  /** Measured with someone of the big coalition signed in: its secretariat admin, or `as` says who. */
  signedIn: boolean;
  /** "member": an ordinary member (role MEMBER) rather than the admin. */
  as?: "admin" | "member";
}

export const BASELINE_PAGE: BenchPage = { name: "baseline (no loader)", path: "/_baseline", signedIn: false };

export const BENCH_PAGES: BenchPage[] = [
  { name: "home, anonymous", path: "/", signedIn: false },
  { name: "coalition public page", path: "/c/{tenant}", signedIn: false },
  { name: "coalition home, signed in", path: "/c/{tenant}/home", signedIn: true },
  { name: "activity record, admin", path: "/c/{tenant}/admin/activity", signedIn: true },
  { name: "member directory, member", path: "/c/{tenant}/members", signedIn: true, as: "member" },
  { name: "directory search + 2 filters", path: "/c/{tenant}/members?q=mining%20wat&region=Caraga&sector=environment", signedIn: true, as: "member" },
];
