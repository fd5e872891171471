import { parse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import type { Actor } from '../../../core/accounts/scope';
import { AppError, type ErrorDetail } from '../../../core/errors/errors';
import { parseDivisionCode, validateChild, type DivisionInfo } from '../../../core/region';
import type {
  RegionCreate,
  RegionImport,
  RegionTree,
  RegionUpdate,
} from '../../../core/region/region.schemas';
import { audit } from '../../audit/audit';
import type { DbOrTx } from '../../db/client';
import { regions } from '../../db/schema';
import type { Deps } from '../../deps';
import { canReadRegion, canWriteRegion, regionReadScope } from './regions.policy';
import { auditRegion, presentRegion } from './regions.presenter';
import { findRegion, listRegions as listRegionRows } from './regions.repository';

/** Bangfu keeps county → town → village; provinces and prefectures are not stored. */
const STORED_LEVELS = new Set(['county', 'town', 'village']);

export async function listRegions(
  deps: Deps,
  actor: Actor,
  q: { tree: RegionTree; parentCode?: string | undefined },
) {
  const rows = await listRegionRows(deps.db, {
    tree: q.tree,
    scope: regionReadScope(actor, q.tree),
    parentCode: q.parentCode,
  });
  return rows.map(presentRegion);
}

async function loadReadable(db: DbOrTx, actor: Actor, code: string) {
  const row = await findRegion(db, code);
  if (!row || !canReadRegion(actor, row)) throw new AppError('not_found');
  return row;
}

export async function getRegion(deps: Deps, actor: Actor, code: string) {
  return presentRegion(await loadReadable(deps.db, actor, code));
}

/** Validates one new region against the code rules and its parent; returns located problems. */
async function checkNewRegion(
  db: DbOrTx,
  input: { code: string; parentCode: string | null; tree: RegionTree },
  pending: Map<string, { tree: RegionTree }> = new Map(),
): Promise<{ info: DivisionInfo } | { problem: ErrorDetail }> {
  const parsed = parseDivisionCode(input.code);
  if (!parsed.ok) return { problem: { path: 'code', code: parsed.code, message: parsed.message } };
  const info = parsed.value;
  if (!STORED_LEVELS.has(info.level)) {
    return {
      problem: {
        path: 'code',
        code: 'region.level_not_stored',
        message: {
          zh: '只能录入县(区)、镇(街)、村(社区)三级',
          en: 'Only county, town and village levels are kept',
        },
      },
    };
  }
  if (info.level === 'county') {
    if (input.parentCode) {
      return {
        problem: {
          path: 'parentCode',
          code: 'region.root_has_parent',
          message: { zh: '县级区划是根节点，不应有上级', en: 'A county is a root' },
        },
      };
    }
    return { info };
  }
  const parentCode = input.parentCode ?? info.parentCode;
  if (!parentCode)
    return {
      problem: {
        path: 'parentCode',
        code: 'required',
        message: { zh: '缺少上级区划', en: 'Parent missing' },
      },
    };
  const check = validateChild(parentCode, info.code);
  if (!check.ok) return { problem: { path: 'parentCode', code: check.code, message: check.message } };
  const parentTree = pending.get(parentCode)?.tree ?? (await findRegion(db, parentCode))?.tree;
  if (!parentTree) {
    return {
      problem: {
        path: 'parentCode',
        code: 'region.parent_missing',
        message: { zh: '上级区划不存在，请先录入上级', en: 'The parent region does not exist yet' },
      },
    };
  }
  if (parentTree !== input.tree) {
    return {
      problem: {
        path: 'tree',
        code: 'region.tree_mismatch',
        message: { zh: '与上级区划不属于同一棵区划树', en: 'Not in the same tree as its parent' },
      },
    };
  }
  return { info };
}

export async function createRegion(deps: Deps, actor: Actor, input: RegionCreate) {
  const parsedCode = parseDivisionCode(input.code);
  const code = parsedCode.ok ? parsedCode.value.code : input.code;
  if (!canWriteRegion(actor, { code, tree: input.tree })) throw new AppError('forbidden');
  return deps.db.transaction(async (tx) => {
    const checked = await checkNewRegion(tx, { ...input, code });
    if ('problem' in checked) throw new AppError('validation', undefined, [checked.problem]);
    if (await findRegion(tx, code)) {
      throw new AppError('conflict', { zh: '该区划代码已存在', en: 'This division code exists' }, [
        {
          path: 'code',
          code: 'region.exists',
          message: { zh: '该区划代码已存在', en: 'This division code exists' },
        },
      ]);
    }
    const [row] = await tx
      .insert(regions)
      .values({
        code,
        name: input.name,
        level: checked.info.level,
        parentCode: checked.info.level === 'county' ? null : (input.parentCode ?? checked.info.parentCode),
        tree: input.tree,
        countyCode: code.slice(0, 6),
        sort: input.sort ?? 0,
      })
      .returning();
    await audit(tx, actor, {
      action: 'region.create',
      entity: 'region',
      entityId: code,
      after: auditRegion(row!),
    });
    return presentRegion(row!);
  });
}

export async function updateRegion(deps: Deps, actor: Actor, code: string, input: RegionUpdate) {
  return deps.db.transaction(async (tx) => {
    const before = await loadReadable(tx, actor, code);
    if (!canWriteRegion(actor, before)) throw new AppError('forbidden');
    const [after] = await tx
      .update(regions)
      .set({ name: input.name ?? before.name, sort: input.sort ?? before.sort, updatedAt: deps.now() })
      .where(eq(regions.code, code))
      .returning();
    await audit(tx, actor, {
      action: 'region.update',
      entity: 'region',
      entityId: code,
      before: auditRegion(before),
      after: auditRegion(after!),
    });
    return presentRegion(after!);
  });
}

const CODE_HEADERS = ['区划代码', '行政区划代码', '统计用区划代码', '代码', 'code'];
const NAME_HEADERS = ['名称', '区划名称', '单位名称', 'name'];

/**
 * Imports regions from CSV (区划代码, 名称): all rows are validated first and any problem is reported
 * by row and column; nothing is written unless every row is good. Existing codes get their names updated.
 */
export async function importRegions(deps: Deps, actor: Actor, input: RegionImport) {
  if (actor.role !== 'admin') throw new AppError('forbidden');
  let records: string[][];
  try {
    records = parse(input.csv.replace(/^\uFEFF/, ''), {
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new AppError('validation', { zh: 'CSV 格式有误', en: 'Malformed CSV' }, [
      {
        path: `csv!${line ?? 1}`,
        code: 'csv.malformed',
        message: { zh: `第 ${line ?? 1} 行 CSV 格式有误`, en: `Malformed CSV at line ${line ?? 1}` },
      },
    ]);
  }
  const header = (records[0] ?? []).map((h) => h.trim());
  const codeCol = header.findIndex((h) => CODE_HEADERS.includes(h));
  const nameCol = header.findIndex((h) => NAME_HEADERS.includes(h));
  if (codeCol < 0 || nameCol < 0) {
    throw new AppError(
      'validation',
      { zh: '表头须包含“区划代码”和“名称”两列', en: 'The header needs code and name columns' },
      [
        {
          path: 'csv!1',
          code: 'csv.header',
          message: { zh: '表头须包含“区划代码”和“名称”两列', en: 'The header needs code and name columns' },
        },
      ],
    );
  }
  const colName = (i: number) => header[i] ?? String(i + 1);
  const rows = records
    .slice(1)
    .map((r, i) => ({ line: i + 2, code: (r[codeCol] ?? '').trim(), name: (r[nameCol] ?? '').trim() }));
  // Parents before children, whatever the file's order.
  const withLevel = rows.map((r) => {
    const p = parseDivisionCode(r.code);
    return {
      ...r,
      code: p.ok ? p.value.code : r.code,
      depth: p.ok ? ['county', 'town', 'village'].indexOf(p.value.level) : -1,
    };
  });
  withLevel.sort((a, b) => a.depth - b.depth || a.line - b.line);

  return deps.db.transaction(async (tx) => {
    const problems: ErrorDetail[] = [];
    const pending = new Map<string, { tree: RegionTree }>();
    const toCreate: (typeof regions.$inferInsert)[] = [];
    const toRename: { code: string; name: string }[] = [];
    let unchanged = 0;
    for (const r of withLevel) {
      const at = (col: number) => `csv!${r.line}:${colName(col)}`;
      if (!r.name) {
        problems.push({
          path: at(nameCol),
          code: 'required',
          message: { zh: `第 ${r.line} 行：名称为空`, en: `Line ${r.line}: name is empty` },
        });
        continue;
      }
      if (pending.has(r.code)) {
        problems.push({
          path: at(codeCol),
          code: 'region.duplicate',
          message: { zh: `第 ${r.line} 行：区划代码重复`, en: `Line ${r.line}: duplicate code` },
        });
        continue;
      }
      const existing = await findRegion(tx, r.code);
      if (existing) {
        if (existing.tree !== input.tree) {
          problems.push({
            path: at(codeCol),
            code: 'region.tree_mismatch',
            message: {
              zh: `第 ${r.line} 行：该代码已属于另一棵区划树`,
              en: `Line ${r.line}: code belongs to the other tree`,
            },
          });
        } else if (existing.name !== r.name) toRename.push({ code: r.code, name: r.name });
        else unchanged++;
        pending.set(r.code, { tree: input.tree });
        continue;
      }
      const checked = await checkNewRegion(tx, { code: r.code, parentCode: null, tree: input.tree }, pending);
      if ('problem' in checked) {
        const col = checked.problem.path === 'code' ? codeCol : codeCol;
        problems.push({
          path: at(col),
          code: checked.problem.code,
          message: {
            zh: `第 ${r.line} 行：${checked.problem.message.zh}`,
            en: `Line ${r.line}: ${checked.problem.message.en}`,
          },
        });
        continue;
      }
      pending.set(r.code, { tree: input.tree });
      toCreate.push({
        code: r.code,
        name: r.name,
        level: checked.info.level,
        parentCode: checked.info.level === 'county' ? null : checked.info.parentCode,
        tree: input.tree,
        countyCode: r.code.slice(0, 6),
      });
    }
    if (problems.length) {
      problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
      throw new AppError(
        'validation',
        {
          zh: `导入失败：${problems.length} 处错误，未写入任何数据`,
          en: `Import failed with ${problems.length} problems; nothing was written`,
        },
        problems,
      );
    }
    if (toCreate.length) await tx.insert(regions).values(toCreate);
    for (const r of toRename)
      await tx.update(regions).set({ name: r.name, updatedAt: deps.now() }).where(eq(regions.code, r.code));
    await audit(tx, actor, {
      action: 'region.import',
      entity: 'region',
      entityId: null,
      after: { tree: input.tree, created: toCreate.map((r) => r.code), renamed: toRename },
    });
    return { created: toCreate.length, updated: toRename.length, unchanged };
  });
}
