/** Events of the spaces area (recorded in the outbox; the subscriber emails the people concerned). */
export const SPACES_EVENTS = {
  /** A participant (a person, or an organisation and so its people) was removed, with a reason. */
  participantRemoved: "forums.participant_removed",
  /** People or organisations were put in a forum (newly, or let back in): they are told. */
  participantsAdded: "forums.participants_added",
  /**
   * Someone new was invited into the coalition to join a forum: the core invitation email
   * carries only the link, so the module tells them which forum and what it is for.
   */
  stakeholderInvited: "forums.stakeholder_invited",
} as const;
