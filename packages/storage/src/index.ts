export { localStorage, defaultStorageDir, newStorageKey, isStorageKey, StorageKeyError, type Storage, type StoredFile } from "./storage.server.ts";
