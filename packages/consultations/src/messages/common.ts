/** Strings every area of the consultations module uses (keys "consultations.…"). */
export const common = {
  "consultations.nav.consultations": "Consultations",
  "consultations.permission.manage": "Draft, open, follow and close consultations; publish results and statements",
  "consultations.permission.takePart": "Answer the consultations one's organisation is asked",
} as const;
