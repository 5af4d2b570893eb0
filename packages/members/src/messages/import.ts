/** Strings of the import pages (keys "members.import.…"). */
export const importing = {} as const;
