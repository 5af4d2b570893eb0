/** Strings every area of the forums module uses (keys "forums.…"). */
export const common = {
  "forums.nav.forums": "Forums",
  "forums.permission.manage": "Create forums, choose their participants and moderate them",
  "forums.permission.takePart": "Take part in the forums one is a participant of",
} as const;
