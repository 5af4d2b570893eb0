/** The decisions area's strings (keys "forums.decisions.…"). */
export const decisions = {} as const;
