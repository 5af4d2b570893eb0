import { spreadsheetDownload, type ExportFormat } from "@commons/plugin-sdk/export";
import { PERMISSIONS } from "../constants.ts";
import { findConsultation, guard, requireId, type RouteArgs } from "./access.server.ts";
import { answersTable } from "./export.server.ts";
import { followT } from "./i18n.ts";
import type { ResultQuestion } from "./results.server.ts";

/**
 * The loader of both export routes (…/export.csv and …/export.xlsx): the secretariat only.
 * Names are left out when the consultation is anonymous.
 */
export async function exportAnswers(args: RouteArgs, format: ExportFormat): Promise<Response> {
  const consultationId = requireId(args.params.consultationId);
  const table = await guard(args, PERMISSIONS.manage, async ({ db, tenant, person }) => {
    const t = followT(person.locale);
    const consultation = await findConsultation(db, consultationId);
    const questions = (await db.consultationsQuestion.findMany({
      where: { consultationId },
      orderBy: { position: "asc" },
      select: { id: true, kind: true, prompt: true, options: true, scaleMinLabel: true, scaleMaxLabel: true },
    })) as ResultQuestion[];
    const { header, body } = await answersTable(db, tenant.id, consultationId, questions, consultation.visibility !== "ANONYMOUS", t);
    return { header, rows: body, sheet: t("consultations.follow.export.sheet"), fileName: `${tenant.slug}-consultation-${new Date().toISOString().slice(0, 10)}` };
  });
  // The file is built after the transaction: nothing holds a connection while it is written.
  return spreadsheetDownload(format, table);
}
