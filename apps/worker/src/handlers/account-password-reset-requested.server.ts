import type { EventHandler } from "./context.ts";
import { sendAccountEmail } from "./account-email.server.ts";

export const accountPasswordResetRequested: EventHandler = (event, ctx) => sendAccountEmail(event, ctx, "PASSWORD_RESET");
