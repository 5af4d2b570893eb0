/** The threads area's strings (keys "forums.threads.…"). */
export const threads = {} as const;
