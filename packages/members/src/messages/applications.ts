/** Strings of the applications pages (keys "members.applications.…"). */
export const applications = {} as const;
