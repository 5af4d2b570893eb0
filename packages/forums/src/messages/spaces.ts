/** The spaces area's strings (keys "forums.spaces.…"). */
export const spaces = {
  "forums.spaces.pagination.nav": "Pages",
  "forums.spaces.pagination.previous": "Previous page",
  "forums.spaces.pagination.next": "Next page",
  "forums.spaces.pagination.status": "Page {page} of {pages}",

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
