import pg from "pg";
import { fromSetup } from "./env.ts";

/**
 * Direct database access, only to do what a browser cannot: let time pass. Tokens live
 * for an hour or a day; a test moves their expiry into the past instead of waiting.
 */
export async function expireAccountTokens(email: string, purpose: "PASSWORD_RESET" | "EMAIL_VERIFICATION"): Promise<number> {
  const client = new pg.Client({ connectionString: fromSetup("databaseUrl") });
  await client.connect();
  try {
    const result = await client.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 minute'
        WHERE purpose = $2 AND used_at IS NULL AND user_id = (SELECT id FROM users WHERE email = $1)`,
      [email.toLowerCase(), purpose],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
}
