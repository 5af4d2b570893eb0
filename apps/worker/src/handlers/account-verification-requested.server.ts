import type { EventHandler } from "./context.ts";
import { sendAccountEmail } from "./account-email.server.ts";

export const accountVerificationRequested: EventHandler = (event, ctx) => sendAccountEmail(event, ctx, "EMAIL_VERIFICATION");
