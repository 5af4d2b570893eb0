import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Where uploaded files are kept. Keys are made by the server (`newStorageKey`), never taken
 * from what a person typed or uploaded, so a key can never name a path outside the store.
 * Size limits are the caller's: it knows what it accepts (a logo, an attachment) and must
 * refuse the bytes before calling `put`.
 */
export interface StoredFile {
  bytes: Uint8Array;
  contentType: string;
}

export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The file and its type, or null when there is no such key. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; a missing key is not an error. */
  delete(key: string): Promise<void>;
}

export class StorageKeyError extends Error {
  constructor(key: string) {
    super(`Not a storage key: ${JSON.stringify(key.slice(0, 80))}`);
    this.name = "StorageKeyError";
  }
}

/** Lower-case segments of letters, digits and hyphens joined by "/": no dots, no "..", no absolute paths. */
const KEY = /^[a-z0-9][a-z0-9-]{0,63}(\/[a-z0-9][a-z0-9-]{0,63}){0,7}$/;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

export function isStorageKey(key: string): boolean {
  return KEY.test(key);
}

/** A fresh key under `prefix` (itself made of key segments, e.g. "logos/<tenant id>"). */
export function newStorageKey(prefix: string): string {
  const key = `${prefix}/${randomUUID()}`;
  if (!isStorageKey(key)) throw new StorageKeyError(key);
  return key;
}

/** The repository root (the folder whose package.json lists workspaces), or the working directory. */
function projectRoot(): string {
  let dir = process.cwd();
  for (;;) {
    const manifest = path.join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, "utf8")) as { workspaces?: unknown }).workspaces) return dir;
      } catch {
        // not ours; keep looking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** STORAGE_DIR when set, else `.data/uploads` at the repository's root. */
export function defaultStorageDir(): string {
  return process.env.STORAGE_DIR ? path.resolve(process.env.STORAGE_DIR) : path.join(projectRoot(), ".data", "uploads");
}

/**
 * Files on the local disk: `<dir>/<key>` holds the bytes, `<dir>/<key>.type` the content
 * type. Writes go to a temporary name first, so a reader never sees half a file.
 */
export function localStorage(dir: string = defaultStorageDir()): Storage {
  const root = path.resolve(dir);
  const pathOf = (key: string) => {
    if (!isStorageKey(key)) throw new StorageKeyError(key);
    const full = path.resolve(root, key);
    // Belt and braces: the pattern already rules out "..".
    if (!full.startsWith(root + path.sep)) throw new StorageKeyError(key);
    return full;
  };
  return {
    async put(key, bytes, contentType) {
      const file = pathOf(key);
      if (!CONTENT_TYPE.test(contentType)) throw new Error(`Not a content type: ${JSON.stringify(contentType.slice(0, 80))}`);
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${randomUUID()}.part`;
      await writeFile(`${file}.type`, contentType);
      await writeFile(temporary, bytes);
      await rename(temporary, file);
    },
    async get(key) {
      const file = pathOf(key);
      try {
        const [bytes, contentType] = await Promise.all([readFile(file), readFile(`${file}.type`, "utf8")]);
        return { bytes: new Uint8Array(bytes), contentType: contentType.trim() };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      const file = pathOf(key);
      await Promise.all([rm(file, { force: true }), rm(`${file}.type`, { force: true })]);
    },
  };
}
