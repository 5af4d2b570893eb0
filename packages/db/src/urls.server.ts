/**
 * Two connection strings, two roles (docs/decisions/003-tenancy-two-walls.md):
 * DATABASE_URL is the owner (migrations, outbox relay, platform-wide work);
 * APP_DATABASE_URL is `commons_app`, a role that owns nothing and to which row-level
 * security applies. Outside production the app URL is derived from the owner URL.
 */
export const APP_ROLE = "commons_app";
export const DEV_APP_ROLE_PASSWORD = "commons_app_dev";

export function ownerDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Run `npm start`, which sets it, or export it yourself.");
  return url;
}

export function appDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  if (env.APP_DATABASE_URL) return env.APP_DATABASE_URL;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "APP_DATABASE_URL is not set. In production the portal connects as the commons_app role; see docs/operations.md.",
    );
  }
  return deriveAppUrl(ownerDatabaseUrl(env));
}

export function deriveAppUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = DEV_APP_ROLE_PASSWORD;
  return url.toString();
}
