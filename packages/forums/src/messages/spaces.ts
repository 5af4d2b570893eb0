/** The spaces area's strings (keys "forums.spaces.…"). */
export const spaces = {} as const;
