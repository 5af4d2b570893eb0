/**
 * The forum header and tab bar's strings (keys "forums.spaces.nav.…", "forums.spaces.tab.…"):
 * every forum page shows them, so they travel to the browser alone, not with the spaces
 * area's whole catalogue.
 */
export const forumNav = {
  "forums.spaces.nav.allForums": "All forums",
  "forums.spaces.nav.label": "{forum}: pages",
  "forums.spaces.nav.archived": "Archived",
  "forums.spaces.nav.publicRecord": "Its record is public",
  "forums.spaces.tab.discussions": "Discussions",
  "forums.spaces.tab.meetings": "Meetings",
  "forums.spaces.tab.record": "Decisions and minutes",
  "forums.spaces.tab.participants": "Participants",
  "forums.spaces.tab.rules": "Rules",
  "forums.spaces.tab.settings": "Settings",
} as const;
