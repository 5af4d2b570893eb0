/** Strings of the directory pages (keys "members.directory.…"). */
export const directory = {} as const;
