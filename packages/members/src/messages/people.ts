/** Strings of the people pages (keys "members.people.…"). */
export const people = {} as const;
