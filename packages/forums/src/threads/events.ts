/** The events the threads area records: a subscriber emails the post's author what a moderator did. */
export const MODERATION_EVENTS = {
  postHidden: "forums.post_hidden",
  postRestored: "forums.post_restored",
} as const;

/** A post was edited; the payload names only the people the edit newly mentions (notifications emails them). */
export const POST_EVENTS = {
  postEdited: "forums.post_edited",
} as const;
