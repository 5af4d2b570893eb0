import type { RouteArgs } from "../../src/follow/access.server.ts";
import { exportAnswers } from "../../src/follow/export-route.server.ts";

/** All submitted answers as CSV (secretariat only). */
export function loader(args: RouteArgs) {
  return exportAnswers(args, "csv");
}
