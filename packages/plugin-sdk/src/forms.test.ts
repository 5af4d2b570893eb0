import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formLists, formValues, validateForm } from "./forms.ts";
import { invalid } from "./forms.server.ts";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe("form helpers", () => {
  const submitted = form([["name", "Kalikasan"], ["sectors", "mining"], ["sectors", "fisheries"], ["password", "secret"]]);

  it("hand the schema every value of a list field, and the last value of the others", () => {
    const schema = z.object({ name: z.string().min(1), sectors: z.array(z.string()).max(5) });
    expect(validateForm(submitted, schema, { lists: ["sectors"] })).toEqual({ ok: true, data: { name: "Kalikasan", sectors: ["mining", "fisheries"] } });
    expect(validateForm(form([["name", "x"]]), schema, { lists: ["sectors"] })).toEqual({ ok: true, data: { name: "x", sectors: [] } });
  });

  it("give one message per field", () => {
    const result = validateForm(form([["name", ""]]), z.object({ name: z.string().min(1, "Enter a name") }));
    expect(result).toEqual({ ok: false, errors: { name: "Enter a name" } });
  });

  it("put back what was typed, never a password, with every ticked box", () => {
    expect(formValues(submitted)).toEqual({ name: "Kalikasan", sectors: "fisheries" });
    expect(formLists(submitted)).toEqual({ name: ["Kalikasan"], sectors: ["mining", "fisheries"] });
    const response = invalid(submitted, { name: "Taken" }) as unknown as { data: { lists: Record<string, string[]>; values: Record<string, string> }; init: { status: number } };
    expect(response.init.status).toBe(400);
    expect(response.data.lists.sectors).toEqual(["mining", "fisheries"]);
    expect(response.data.values.password).toBeUndefined();
  });
});
