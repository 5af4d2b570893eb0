/**
 * Browsers send Origin on every POST (and Sec-Fetch-Site on modern ones). A request with
 * neither is not from a browser, so it cannot carry a victim's cookie by CSRF.
 */
export function originAllowed(origin: string | undefined, fetchSite: string | string[] | undefined, allowed: ReadonlySet<string>): boolean {
  if (origin && origin !== "null") return allowed.has(origin);
  if (origin === "null") return false;
  if (typeof fetchSite === "string") return fetchSite === "same-origin" || fetchSite === "none";
  return true;
}
