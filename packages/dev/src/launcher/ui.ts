/**
 * Human output for the launcher: short lines with timings, not JSON. The services' own
 * JSON logs are condensed into one readable line each.
 */
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string) => (text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
export const bold = paint("1");
export const dim = paint("2");
export const red = paint("31");
export const green = paint("32");
export const yellow = paint("33");
export const cyan = paint("36");

export function seconds(ms: number): string {
  return ms < 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 1000)} s`;
}

export function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function fail(line: string): void {
  process.stderr.write(`${red("✗")} ${line}\n`);
}

/** Runs one start-up step and prints `✓ name  detail  (time)`; the step's result is its detail. */
export async function step<T>(name: string, work: () => Promise<{ detail: string; value: T }>, width = 11): Promise<T> {
  const started = performance.now();
  try {
    const { detail, value } = await work();
    say(`  ${green("✓")} ${name.padEnd(width)} ${detail} ${dim(`(${seconds(performance.now() - started)})`)}`);
    return value;
  } catch (error) {
    say(`  ${red("✗")} ${name.padEnd(width)} ${dim(`(${seconds(performance.now() - started)})`)}`);
    throw error;
  }
}

export function note(name: string, detail: string): void {
  say(`  ${dim("…")} ${name.padEnd(11)} ${dim(detail)}`);
}

export function box(lines: string[]): string {
  // eslint-disable-next-line no-control-regex
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, "").length;
  const width = Math.max(...lines.map(visible));
  const top = `┌${"─".repeat(width + 2)}┐`;
  const bottom = `└${"─".repeat(width + 2)}┘`;
  return [top, ...lines.map((l) => `│ ${l}${" ".repeat(width - visible(l))} │`), bottom].join("\n");
}

const LEVEL_COLOR: Record<string, (s: string) => string> = { debug: dim, info: (s) => s, warn: yellow, error: red };
const SKIP_FIELDS = new Set(["time", "level", "service", "msg"]);

/** One log line from a child: JSON from @commons/log becomes `12:00:01 info  msg key=value`. */
export function formatChildLine(line: string): string {
  if (!line.startsWith("{")) return line;
  try {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (typeof entry.msg !== "string") return line;
    const level = typeof entry.level === "string" ? entry.level : "info";
    const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
    const fields = Object.entries(entry)
      .filter(([k]) => !SKIP_FIELDS.has(k))
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`)
      .join(" ");
    return `${dim(time)} ${(LEVEL_COLOR[level] ?? ((s: string) => s))(level.padEnd(5))} ${entry.msg}${fields ? ` ${dim(fields)}` : ""}`;
  } catch {
    return line;
  }
}
