import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError } from '../../../core/errors/errors';
import type { HouseholdListQuery } from '../../../core/households/households.schemas';
import { LEDGER_COLUMNS, LEDGER_SHEET, neutraliseCell } from '../../../core/households/ledger';
import { syntheticHousehold } from '../../../core/households/fixtures';
import { mulberry32 } from '../../../core/identity/random';
import { maskBankAccount, maskPhone } from '../../../core/identity/mask';
import { MONITORING_TYPE_LABELS, type MonitoringTypeCode } from '../../../core/monitoring/codes';
import {
  HEALTH_STATUS_LABELS,
  LABOUR_CAPACITY_LABELS,
  RELATION_LABELS,
  SCHOOLING_STATUS_LABELS,
} from '../../../core/monitoring/facts';
import { HOUSEHOLD_ATTRIBUTES, POVERTY_EXIT_FLAGS } from '../../../core/households/households.schemas';
import { logPiiAccess } from '../../audit/audit';
import { householdMembers, households } from '../../db/schema';
import type { Deps } from '../../deps';
import { canExportUnmasked, householdScope } from '../households/households.policy';
import { listConditions } from '../households/households.repository';
import { idHashOfQuery } from '../households/households.service';

const label = <T extends string>(labels: Readonly<Record<T, string>>, v: string | null) =>
  v === null ? '' : (labels[v as T] ?? v);
const yn = (v: boolean | null) => (v === null ? '' : v ? '是' : '否');

function sheetColumns(ws: ExcelJS.Worksheet) {
  ws.columns = LEDGER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 12 }));
}

/**
 * Exports a filtered household list as a ledger .xlsx (streamed, one row per member, the import
 * template's columns so it can be imported again). ID numbers are masked unless the role may export
 * them and asked to, and then the export is logged with its row count; bank accounts and phones are
 * always masked; every text cell starting with = + - @ is neutralised.
 */
export function exportHouseholds(
  deps: Deps,
  actor: Actor,
  query: Omit<HouseholdListQuery, 'limit' | 'after'>,
  opts: { unmask: boolean; purpose?: string | undefined },
): Readable {
  if (opts.unmask && !canExportUnmasked(actor))
    throw new AppError('forbidden', {
      zh: '您的角色不能导出完整证件号码',
      en: 'Your role cannot export full ID numbers',
    });
  const where = listConditions(householdScope(actor), query, idHashOfQuery(deps, query.q));
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(LEDGER_SHEET);
  sheetColumns(ws);
  let count = 0;
  const run = async () => {
    let after = 0;
    for (;;) {
      const hs = await deps.db
        .select()
        .from(households)
        .where(and(...where, gt(households.id, after)))
        .orderBy(asc(households.id))
        .limit(500);
      if (hs.length === 0) break;
      after = hs.at(-1)!.id;
      const ms = await deps.db
        .select()
        .from(householdMembers)
        .where(
          and(
            inArray(
              householdMembers.householdId,
              hs.map((h) => h.id),
            ),
            eq(householdMembers.active, true),
          ),
        )
        .orderBy(asc(householdMembers.householdId), asc(householdMembers.sort), asc(householdMembers.id));
      const byH = new Map<number, typeof ms>();
      for (const m of ms) byH.set(m.householdId, [...(byH.get(m.householdId) ?? []), m]);
      for (const h of hs) {
        const members = byH.get(h.id) ?? [];
        for (const m of members) {
          const values: Record<string, string | number> = {
            regionCode: h.regionCode,
            householdNo: h.householdNo ?? '',
            villageGroup: h.villageGroup ?? '',
            address: h.address ?? '',
            attribute: h.attribute,
            povertyExitFlag: h.povertyExitFlag ?? '',
            monitoringType: h.monitoringType
              ? MONITORING_TYPE_LABELS[h.monitoringType as MonitoringTypeCode]
              : '',
            monitoringSince: h.monitoringSince ?? '',
            householdPhone: h.phoneCipher ? maskPhone(deps.pii.decrypt(h.phoneCipher)) : '',
            bankName: h.bankName ?? '',
            bankAccount: h.bankAccountCipher ? maskBankAccount(deps.pii.decrypt(h.bankAccountCipher)) : '',
            assistPerson: h.assistPerson ?? '',
            declaredSize: members.length,
            name: m.name,
            idNumber: opts.unmask ? deps.pii.decrypt(m.idCipher) : m.idMasked,
            sex: m.sex,
            birthDate: m.birthDate,
            relation: label(RELATION_LABELS, m.relation),
            ethnicity: m.ethnicity ?? '',
            education: m.education ?? '',
            schooling: label(SCHOOLING_STATUS_LABELS, m.schooling),
            health: label(HEALTH_STATUS_LABELS, m.health),
            disabilityCertificate: m.disabilityCertCipher
              ? opts.unmask
                ? deps.pii.decrypt(m.disabilityCertCipher)
                : `${m.idMasked}${m.disabilityCategory}${m.disabilityGrade}`
              : '',
            labour: label(LABOUR_CAPACITY_LABELS, m.labour),
            workStatus: m.workStatus ?? '',
            workMonths: m.workMonths ?? '',
            workPlace: m.workPlace ?? '',
            medicalInsurance: yn(m.medicalInsurance),
            criticalIllnessInsurance: yn(m.criticalIllnessInsurance),
            pensionInsurance: yn(m.pensionInsurance),
            phone: m.phoneCipher ? maskPhone(deps.pii.decrypt(m.phoneCipher)) : '',
          };
          for (const [k, v] of Object.entries(values))
            if (typeof v === 'string') values[k] = neutraliseCell(v);
          ws.addRow(values).commit();
          count += 1;
        }
      }
    }
    ws.commit();
    await wb.commit();
  };
  run()
    .then(async () => {
      if (opts.unmask)
        await logPiiAccess(deps.db, actor, {
          kind: 'export',
          entity: 'household_member',
          field: 'idNumber',
          count,
          purpose: opts.purpose ?? 'export',
        });
    })
    .catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

/** The import template: the ledger headers, one synthetic example row, and a sheet of the code lists. */
export async function importTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(LEDGER_SHEET);
  sheetColumns(ws);
  ws.getRow(1).font = { bold: true };
  // Text format for the number-like columns, so Excel never turns an ID number into 3.4E+17.
  for (const key of [
    'regionCode',
    'householdNo',
    'idNumber',
    'disabilityCertificate',
    'householdPhone',
    'bankAccount',
    'phone',
  ])
    ws.getColumn(key).numFmt = '@';
  const example = syntheticHousehold(mulberry32(1), '349901100201', {
    householdNo: '示例-0001',
    attribute: '一般农户',
  });
  const head = example.members[0]!;
  ws.addRow({
    regionCode: example.regionCode,
    householdNo: example.householdNo,
    villageGroup: example.villageGroup,
    attribute: example.attribute,
    declaredSize: 1,
    name: head.name,
    idNumber: head.idNumber,
    relation: '户主',
    health: '健康',
    labour: '普通劳动力',
    schooling: '非在校生',
    medicalInsurance: '是',
    criticalIllnessInsurance: '是',
  });
  const codes = wb.addWorksheet('填写说明');
  codes.columns = [
    { header: '列', key: 'col', width: 24 },
    { header: '可填写的值', key: 'values', width: 100 },
  ];
  const lists: [string, readonly string[]][] = [
    ['户属性', HOUSEHOLD_ATTRIBUTES],
    ['脱贫标志', POVERTY_EXIT_FLAGS],
    ['监测对象类别', Object.values(MONITORING_TYPE_LABELS)],
    ['与户主关系', Object.values(RELATION_LABELS)],
    ['健康状况', Object.values(HEALTH_STATUS_LABELS)],
    ['劳动技能', Object.values(LABOUR_CAPACITY_LABELS)],
    ['在校生状况', Object.values(SCHOOLING_STATUS_LABELS)],
    ['是否参加…保险', ['是', '否']],
    [
      '证件号码',
      ['18 位（或旧 15 位）身份证号，单元格请设为文本；被 Excel 转成数字的号码无法恢复，须重新录入'],
    ],
    ['识别监测时间', ['YYYYMM，例如 202006']],
    ['户的信息', ['以户主所在行为准；同一户成员的户编号相同（无户编号时，户主行之后的成员行归入该户）']],
  ];
  for (const [col, values] of lists) codes.addRow({ col, values: values.join('、') });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
