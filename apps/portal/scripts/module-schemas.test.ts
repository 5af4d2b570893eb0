import { describe, expect, it } from "vitest";
import { currentLinks, expectedLinks } from "./module-schemas.ts";

describe("module schemas", () => {
  it("are all linked into prisma/schema/modules (run `npm run modules:link` if not)", () => {
    expect(Object.fromEntries(currentLinks())).toEqual(Object.fromEntries(expectedLinks()));
  });
});
