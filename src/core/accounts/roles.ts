// Plain constants (no zod) so the web app's first load does not pull in the schema library.
/** The six roles of the requirements' "Who uses it" table. */
export const ROLES = ['admin', 'leader', 'unit', 'town', 'village', 'inspector'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '区帮扶办管理员', en: 'Office admin' },
  leader: { zh: '区领导', en: 'Leader' },
  unit: { zh: '成员单位', en: 'Member unit' },
  town: { zh: '镇(街)', en: 'Town / street' },
  village: { zh: '村(社区)干部', en: 'Village cadre' },
  inspector: { zh: '专项督察组', en: 'Inspection team' },
};

/** Roles whose scope is a region subtree, and which region level that must be. */
export const REGION_SCOPED_ROLES: Partial<Record<Role, 'town' | 'village'>> = {
  town: 'town',
  village: 'village',
};

/** Roles bound to a unit. */
export const UNIT_SCOPED_ROLES: readonly Role[] = ['unit'];

export const UNIT_KINDS = ['member', 'town_office', 'inspection', 'office'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];
export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  member: { zh: '领导小组成员单位', en: 'Member unit' },
  town_office: { zh: '镇(街)', en: 'Town / street office' },
  inspection: { zh: '专项督察组', en: 'Inspection team' },
  office: { zh: '区帮扶办', en: 'Assistance office' },
};
