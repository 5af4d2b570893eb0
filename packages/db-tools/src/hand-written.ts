/**
 * Prisma's schema cannot express every database object the portal needs: CHECK constraints,
 * expression and GIN indexes for full-text search. Such SQL goes at the end of a migration,
 * below this line, so the drift test can apply it to the schema-built database too.
 */
export const HAND_WRITTEN_MARKER = "-- hand-written (not expressible in the Prisma schema)";

/** The statements below the marker, or "" when the migration has none. */
export function handWrittenSql(migration: string): string {
  const at = migration.indexOf(HAND_WRITTEN_MARKER);
  return at === -1 ? "" : migration.slice(at + HAND_WRITTEN_MARKER.length).trim();
}
