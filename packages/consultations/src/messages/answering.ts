/** The answering area's strings (keys "consultations.answering.…"). */
export const answering = {} as const;
