import { PassThrough, type Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import {
  ECONOMICS_COLUMNS,
  ECONOMICS_SHEET,
  type EconomicsKey,
} from '../../../core/households/economics-ledger';
import type { HouseholdListQuery } from '../../../core/households/households.schemas';
import { neutraliseCell } from '../../../core/households/ledger';
import type { FoodClothingFacts, WaterFacts } from '../../../core/monitoring/facts';
import { households, householdYears, regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { householdScope } from '../households/households.policy';
import { listConditions } from '../households/households.repository';
import { idHashOfQuery } from '../households/households.service';

const yn = (v: boolean | null | undefined) => (v === null || v === undefined ? '' : v ? '是' : '否');
const num = (v: unknown) => (v === null || v === undefined ? '' : Number(v));

/**
 * The yearly income-and-expenditure ledger of the households in the user's list (same filters), one row
 * per household, with what is recorded for `year` filled in: the clerk fills or corrects the amounts and
 * imports the file again. Households are named by their system number and 户编号 — never by an ID
 * number — so the file carries no personal data beyond the head's name.
 */
export function exportEconomics(
  deps: Deps,
  actor: Actor,
  year: number,
  query: Omit<HouseholdListQuery, 'limit' | 'after'>,
): Readable {
  const where = listConditions(householdScope(actor), query, idHashOfQuery(deps, query.q));
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const ws = wb.addWorksheet(ECONOMICS_SHEET, { views: [{ state: 'frozen', xSplit: 4, ySplit: 1 }] });
  ws.columns = ECONOMICS_COLUMNS.filter((c) => c.key !== 'headIdNumber').map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width ?? 12,
  }));
  ws.getColumn('householdNo').numFmt = '@';
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  const run = async () => {
    let after = 0;
    for (;;) {
      const hs = await deps.db
        .select({
          id: households.id,
          householdNo: households.householdNo,
          headName: households.headName,
          village: regions.name,
        })
        .from(households)
        .innerJoin(regions, eq(regions.code, households.regionCode))
        .where(and(...where, gt(households.id, after)))
        .orderBy(asc(households.id))
        .limit(500);
      if (hs.length === 0) break;
      after = hs.at(-1)!.id;
      const ys = await deps.db
        .select()
        .from(householdYears)
        .where(
          and(
            inArray(
              householdYears.householdId,
              hs.map((h) => h.id),
            ),
            eq(householdYears.year, year),
          ),
        );
      const byId = new Map(ys.map((y) => [y.householdId, y]));
      for (const h of hs) {
        const y = byId.get(h.id);
        const water = (y?.water ?? null) as WaterFacts | null;
        const food = (y?.foodClothing ?? null) as FoodClothingFacts | null;
        const values: Partial<Record<EconomicsKey, string | number>> = {
          householdId: h.id,
          householdNo: neutraliseCell(h.householdNo ?? ''),
          headName: neutraliseCell(h.headName),
          village: h.village,
          year,
        };
        if (y)
          Object.assign(values, {
            asOf: y.asOf,
            wages: num(y.wages),
            netBusinessIncome: num(y.netBusinessIncome),
            propertyIncome: num(y.propertyIncome),
            transferIncome: num(y.transferIncome),
            businessCosts: num(y.businessCosts),
            rigidMedical: num(y.rigidMedical),
            rigidEducation: num(y.rigidEducation),
            rigidDisaster: num(y.rigidDisaster),
            rigidOther: num(y.rigidOther),
            housingGrade: y.housingGrade ?? '',
            litresPerPersonDay: num(water?.litresPerPersonDay),
            waterShortArea: yn(water?.waterShortArea),
            qualityOk: yn(water?.qualityOk),
            fetchMinutes: num(water?.fetchMinutes),
            supplyCutDaysPerYear: num(water?.supplyCutDaysPerYear),
            enoughStapleFood: yn(food?.enoughStapleFood),
            meatAtLeastMonthly: yn(food?.meatAtLeastMonthly),
            seasonalClothing: yn(food?.seasonalClothing),
          });
        ws.addRow(values).commit();
      }
    }
    ws.commit();
    await wb.commit();
  };
  run().catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}
