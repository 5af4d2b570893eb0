/** The drafting area's strings (keys "consultations.drafting.…"). */
export const drafting = {} as const;
