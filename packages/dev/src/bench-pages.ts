import { BIG_CONSULTATION, BIG_FORUM } from "./bench-seed-modules.ts";

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
  { name: "consultation results (8,000 answers), admin", path: `/c/{tenant}/consultations/${BIG_CONSULTATION.id}/results`, signedIn: true },
  { name: "consultation results, member", path: `/c/{tenant}/consultations/${BIG_CONSULTATION.id}/results`, signedIn: true, as: "member" },
  { name: "forums index, member", path: "/c/{tenant}/forums", signedIn: true, as: "member" },
  { name: "forum home (500 threads), member", path: `/c/{tenant}/forums/${BIG_FORUM.id}`, signedIn: true, as: "member" },
  { name: "thread of 200 replies, member", path: `/c/{tenant}/forums/${BIG_FORUM.id}/threads/${BIG_FORUM.threadId}`, signedIn: true, as: "member" },
  { name: "2,000-reply thread, last page", path: `/c/{tenant}/forums/${BIG_FORUM.id}/threads/${BIG_FORUM.longThreadId}?page=40`, signedIn: true, as: "member" },
  { name: "forum decision record, public", path: `/c/{tenant}/forums/${BIG_FORUM.id}/record`, signedIn: false },
];
