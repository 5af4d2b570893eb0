import { describe, expect, it } from "vitest";
import { validateRaci } from "../src/raci.ts";

const a = "00000000-0000-4000-8000-00000000000a";
const b = "00000000-0000-4000-8000-00000000000b";

function form(entries: Record<string, string>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(entries)) f.append(k, v);
  return f;
}

describe("validateRaci", () => {
  it("needs exactly one Accountable", () => {
    expect(validateRaci(form({ [`role:${a}`]: "R" }), [a, b])).toEqual({ ok: false, message: "Choose one person as Accountable" });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "A" }), [a, b])).toEqual({ ok: false, message: "Choose only one person as Accountable, not 2" });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "" }), [a, b])).toEqual({ ok: true, assignments: [{ userId: a, role: "A" }] });
  });

  it("ignores people outside the taskforce and refuses unknown roles", () => {
    expect(validateRaci(form({ [`role:${a}`]: "A", "role:someone-else": "A" }), [a])).toEqual({ ok: true, assignments: [{ userId: a, role: "A" }] });
    expect(validateRaci(form({ [`role:${a}`]: "A", [`role:${b}`]: "X" }), [a, b])).toMatchObject({ ok: false });
  });

  it("counts one role per person even if the field is sent twice", () => {
    const f = form({ [`role:${a}`]: "A" });
    f.append(`role:${a}`, "A");
    expect(validateRaci(f, [a])).toEqual({ ok: true, assignments: [{ userId: a, role: "A" }] });
  });
});
