import type { RouteArgs } from "../../src/follow/access.server.ts";
import { exportAnswers } from "../../src/follow/export-route.server.ts";

/** All submitted answers as an Excel workbook (secretariat only). */
export function loader(args: RouteArgs) {
  return exportAnswers(args, "xlsx");
}
