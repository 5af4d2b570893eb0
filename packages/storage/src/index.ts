export { localStorage, defaultStorageDir, newStorageKey, isStorageKey, StorageKeyError, type Storage, type StoredFile } from "./storage.server.ts";
export { readUploadForm, singleUpload, FormTooLargeError, typeByName, cleanFileName, contentDisposition, contentMatches, sniffImage, type SingleUpload, type UploadedFile, type UploadLimits } from "./uploads.server.ts";
