import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { CaseDeadlines } from '../../../core/households/case-machine';
import { buildNotice, noticeText, type Notice } from '../../../core/households/notice';
import { audit, logPiiAccess } from '../../audit/audit';
import { householdCaseAttachments, regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { recordEvent } from '../households/households.events';
import { canAttach } from './cases.policy';
import { findCase } from './cases.repository';
import { chinaDate, getCase, proposalText } from './cases.service';
import { attachmentStorageOf } from '../../storage/attachment-storage';
import { checkUploadedFile } from '../../storage/uploads';

/** A fresh storage key for a case attachment. */
export function attachmentKey(caseId: number): string {
  return `cases/${caseId}/${crypto.randomUUID()}`;
}

/** Stores an attachment of a case (the signed authorisation, appraisal minutes…); audited, never deleted. */
export async function uploadAttachment(
  deps: Deps,
  actor: Actor,
  caseId: number,
  file: { kind: string; fileName: string; contentType: string; data: Buffer },
) {
  if (!canAttach(actor)) throw new AppError('forbidden');
  const visible = await getCase(deps, actor, caseId);
  if (visible.closedAt)
    throw new AppError('conflict', { zh: '案件已办结，不能再上传附件', en: 'The case is closed' });
  const contentType = checkUploadedFile(file);
  const key = attachmentKey(caseId);
  const storage = attachmentStorageOf(deps);
  await storage.put(key, file.data);
  try {
    await deps.db.transaction(async (tx) => {
      const c = await findCase(tx, caseId, true);
      const [row] = await tx
        .insert(householdCaseAttachments)
        .values({
          caseId,
          kind: file.kind,
          fileName: file.fileName,
          contentType,
          size: file.data.length,
          sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
          storageKey: key,
          uploadedBy: actor.id,
          uploadedAt: deps.now(),
        })
        .returning();
      await audit(tx, actor, {
        action: 'case.attach',
        entity: 'household_case_attachment',
        entityId: row!.id,
        after: { caseId, kind: file.kind, fileName: file.fileName, size: file.data.length },
      });
      await recordEvent(
        tx,
        actor,
        { id: c!.householdId, countyCode: c!.countyCode },
        deps.now(),
        'case.attach',
        {
          zh: `上传附件：${file.kind === 'authorisation' ? '农户签字授权书' : file.fileName}`,
          en: 'Attachment uploaded',
        },
      );
    });
  } catch (e) {
    await storage.remove(key);
    throw e;
  }
  return getCase(deps, actor, caseId);
}

/** Returns an attachment's bytes; attachments can carry personal data, so every download is logged. */
export async function downloadAttachment(deps: Deps, actor: Actor, caseId: number, attachmentId: number) {
  await getCase(deps, actor, caseId);
  const [a] = await deps.db
    .select()
    .from(householdCaseAttachments)
    .where(and(eq(householdCaseAttachments.id, attachmentId), eq(householdCaseAttachments.caseId, caseId)));
  if (!a) throw new AppError('not_found');
  await logPiiAccess(deps.db, actor, {
    kind: 'view',
    entity: 'household_case_attachment',
    entityId: a.id,
    field: a.kind,
  });
  return {
    data: await attachmentStorageOf(deps).get(a.storageKey),
    fileName: a.fileName,
    contentType: a.contentType,
  };
}

/**
 * The public notice of a case's appraisal: name, village and proposed type only (R10); available once
 * the appraisal is recorded and the notice has started.
 */
export async function caseNotice(deps: Deps, actor: Actor, caseId: number): Promise<Notice> {
  const c = await getCase(deps, actor, caseId);
  const row = await findCase(deps.db, caseId);
  if (!row?.noticeStartedAt) {
    throw new AppError('conflict', {
      zh: '村级评议尚未登记，公示尚未开始',
      en: 'The appraisal is not recorded yet; no notice',
    });
  }
  const [village] = await deps.db.select().from(regions).where(eq(regions.code, row.regionCode));
  const [town] = village?.parentCode
    ? await deps.db.select().from(regions).where(eq(regions.code, village.parentCode))
    : [];
  const days = (row.deadlines as CaseDeadlines).noticeMinDays;
  const start = chinaDate(row.noticeStartedAt);
  const end = chinaDate(new Date(row.noticeStartedAt.getTime() + days * 86_400_000));
  return buildNotice({
    townName: town?.name ?? '',
    villageName: village?.name ?? '',
    year: Number(start.slice(0, 4)),
    entries: [{ headName: c.headName, villageName: village?.name ?? '', proposal: proposalText(row) }],
    startDate: start,
    endDate: end,
    days,
  });
}

export { noticeText };

/** The notice as an editable Word document (offices print, stamp and post it). */
export async function noticeDocx(n: Notice): Promise<Buffer> {
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text, bold })] })],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: n.title, bold: true })],
          }),
          new Paragraph({ children: [new TextRun(n.intro)] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ children: n.header.map((h) => cell(h, true)) }),
              ...n.rows.map((r) => new TableRow({ children: r.map((x) => cell(x)) })),
            ],
          }),
          ...n.closing.map((l) => new Paragraph({ children: [new TextRun(l)] })),
          ...n.signature
            .split('\n')
            .map((l) => new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(l)] })),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
