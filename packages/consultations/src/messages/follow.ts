/** The follow area's strings (keys "consultations.follow.…"). */
export const follow = {} as const;
