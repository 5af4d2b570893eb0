import type { EventType } from "@commons/jobs";
import { accountPasswordResetRequested } from "./account-password-reset-requested.server.ts";
import { accountVerificationRequested } from "./account-verification-requested.server.ts";
import type { EventHandler } from "./context.ts";
import { invitationCreated } from "./invitation-created.server.ts";

/** Events declared for later modules have no handler yet; their jobs complete untouched. */
export const HANDLERS: Partial<Record<EventType, EventHandler>> = {
  "account.verification_requested": accountVerificationRequested,
  "account.password_reset_requested": accountPasswordResetRequested,
  "invitation.created": invitationCreated,
};

export { DeliveryCancelled, InvalidEvent, type EventEnvelope, type EventHandler, type HandlerContext } from "./context.ts";
