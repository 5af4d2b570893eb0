/**
 * Structured logs: one JSON object per line on stdout (stderr for errors), so any log
 * collector can parse them. LOG_LEVEL=debug|info|warn|error|silent (default info).
 */
type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export type Fields = Record<string, unknown>;
export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function createLogger(service: string, base: Fields = {}): Logger {
  const threshold = order[(process.env.LOG_LEVEL as Level | "silent") ?? "info"] ?? order.info;
  const write = (level: Level, msg: string, fields: Fields = {}) => {
    if (order[level] < threshold) return;
    const entry: Fields = { time: new Date().toISOString(), level, service, msg, ...base };
    for (const [k, v] of Object.entries(fields)) entry[k] = serialise(v);
    (level === "error" ? process.stderr : process.stdout).write(`${JSON.stringify(entry)}\n`);
  };
  return {
    debug: (m, f) => write("debug", m, f),
    info: (m, f) => write("info", m, f),
    warn: (m, f) => write("warn", m, f),
    error: (m, f) => write("error", m, f),
    child: (fields) => createLogger(service, { ...base, ...fields }),
  };
}
