import type { RouteDefinition } from "@commons/plugin-sdk";

/** The drafting area's routes (paths below /c/:tenant/consultations/, files relative to the package). */
export const draftingRoutes: readonly RouteDefinition[] = [
  { path: "", file: "routes/drafting/index.tsx" },
  { path: "new", file: "routes/drafting/new.tsx" },
  { path: ":consultationId/edit", file: "routes/drafting/edit.tsx" },
  { path: ":consultationId/questions", file: "routes/drafting/questions.tsx" },
  { path: ":consultationId/audience", file: "routes/drafting/audience.tsx" },
  { path: ":consultationId/attachments", file: "routes/drafting/attachments.tsx" },
  { path: ":consultationId/attachments/:attachmentId", file: "routes/drafting/attachment.ts" },
  { path: ":consultationId/preview", file: "routes/drafting/preview.tsx" },
  { path: ":consultationId/open", file: "routes/drafting/open.tsx" },
];
