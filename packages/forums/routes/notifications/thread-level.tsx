import type { RouteArgs } from "../../src/access.server.ts";
import { LevelPage } from "../../src/notifications/level-page.tsx";
import { levelLoader, saveLevel } from "../../src/notifications/level-route.server.ts";

/** A thread's notification level for the person: Watch, Normal or Mute (POST, then back). */
export const loader = (args: RouteArgs) => levelLoader(args, "thread");
export const action = (args: RouteArgs) => saveLevel(args, "thread");
export default LevelPage;
