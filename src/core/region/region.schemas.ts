import { z } from 'zod';

export const REGION_TREES = ['district', 'paired'] as const;
/** 'district': our own district 本区; 'paired': the paired county 结对县. */
export const RegionTreeSchema = z.enum(REGION_TREES);
export type RegionTree = z.infer<typeof RegionTreeSchema>;

export const RegionLevelSchema = z.enum(['county', 'town', 'village']);
export type RegionLevel = z.infer<typeof RegionLevelSchema>;

export const RegionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevelSchema,
  /** 街道 / 镇 / 乡 / 社区 / 村 / 县级 — derived from the code. */
  kindLabel: z.string(),
  parentCode: z.string().nullable(),
  tree: RegionTreeSchema,
  sort: z.number(),
});
export type Region = z.infer<typeof RegionSchema>;

export const RegionCreateSchema = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(60),
  parentCode: z.string().trim().length(12).nullable(),
  tree: RegionTreeSchema,
  sort: z.number().int().min(0).max(100000).optional(),
});
export type RegionCreate = z.infer<typeof RegionCreateSchema>;

export const RegionUpdateSchema = z.object({
  name: z.string().trim().min(1).max(60).optional(),
  sort: z.number().int().min(0).max(100000).optional(),
});
export type RegionUpdate = z.infer<typeof RegionUpdateSchema>;

export const RegionImportSchema = z.object({
  tree: RegionTreeSchema,
  /** CSV text with a header row: 区划代码/code, 名称/name (UTF-8; a BOM is fine). */
  csv: z.string().min(1).max(2_000_000),
});
export type RegionImport = z.infer<typeof RegionImportSchema>;

export const RegionImportResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
});
