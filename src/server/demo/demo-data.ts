import type { Role, UnitKind } from '../../core/accounts/roles';
import { mulberry32 } from '../../core/identity/random';

/**
 * The demo district 示范区: fictional places with valid-format codes (prefecture 99 does not exist in
 * Anhui, so no code can collide with a real place) and a fictional paired county. Deterministic: the
 * same seed always gives the same district, so screenshots and tests can name its parts.
 */
export const DEMO_SEED = 2020;
export const DEMO_PASSWORD = 'bangfu-demo';
export const DEMO_DISTRICT = { code: '349901000000', name: '示范区' };
export const DEMO_PAIRED_COUNTY = { code: '349921000000', name: '示范结对县' };

export interface DemoRegion {
  code: string;
  name: string;
  level: 'county' | 'town' | 'village';
  parentCode: string | null;
  tree: 'district' | 'paired';
  sort: number;
}
export interface DemoUnit {
  key: string;
  name: string;
  kind: UnitKind;
  regionCode: string | null;
  leaderName: string | null;
}
export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  unitKey: string | null;
  /** What the login page says this account sees. */
  scope: string;
}

const TOWNS: { seg: string; name: string; villages: number; communities: number }[] = [
  { seg: '001', name: '城关街道', villages: 0, communities: 6 },
  { seg: '002', name: '滨江街道', villages: 1, communities: 5 },
  { seg: '003', name: '新城街道', villages: 2, communities: 4 },
  { seg: '100', name: '清水镇', villages: 7, communities: 1 },
  { seg: '101', name: '桃源镇', villages: 8, communities: 1 },
  { seg: '102', name: '白云镇', villages: 7, communities: 1 },
  { seg: '103', name: '石桥镇', villages: 8, communities: 1 },
  { seg: '104', name: '柳塘镇', villages: 7, communities: 1 },
];

const PAIRED_TOWNS: { seg: string; name: string; villages: number }[] = [
  { seg: '100', name: '河口镇', villages: 5 },
  { seg: '101', name: '松林镇', villages: 5 },
  { seg: '200', name: '龙泉乡', villages: 5 },
  { seg: '201', name: '平岭乡', villages: 5 },
  { seg: '202', name: '云溪乡', villages: 4 },
];

const FIRST = '东西南北上下前后大小新老金银青红白黄杨柳桃李梅竹松枫荷莲稻麦丰安宁和平福寿康';
const SECOND = '山湖塘湾岗冲圩埠桥岭坝洲港庄店园林畈垄陂岙';

function placeNames(rng: () => number, count: number, used: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const name = FIRST[Math.floor(rng() * FIRST.length)]! + SECOND[Math.floor(rng() * SECOND.length)]!;
    if (used.has(name)) continue;
    used.add(name);
    out.push(name);
  }
  return out;
}

export function demoRegions(seed = DEMO_SEED): DemoRegion[] {
  const rng = mulberry32(seed);
  const used = new Set<string>();
  const out: DemoRegion[] = [
    { ...DEMO_DISTRICT, level: 'county', parentCode: null, tree: 'district', sort: 0 },
  ];
  const county = DEMO_DISTRICT.code.slice(0, 6);
  TOWNS.forEach((t, ti) => {
    const townCode = `${county}${t.seg}000`;
    out.push({
      code: townCode,
      name: t.name,
      level: 'town',
      parentCode: DEMO_DISTRICT.code,
      tree: 'district',
      sort: ti,
    });
    placeNames(rng, t.communities, used).forEach((n, i) =>
      out.push({
        code: `${county}${t.seg}${String(i + 1).padStart(3, '0')}`,
        name: `${n}社区`,
        level: 'village',
        parentCode: townCode,
        tree: 'district',
        sort: i,
      }),
    );
    placeNames(rng, t.villages, used).forEach((n, i) =>
      out.push({
        code: `${county}${t.seg}${String(200 + i + 1)}`,
        name: `${n}村`,
        level: 'village',
        parentCode: townCode,
        tree: 'district',
        sort: 100 + i,
      }),
    );
  });
  const paired = DEMO_PAIRED_COUNTY.code.slice(0, 6);
  out.push({ ...DEMO_PAIRED_COUNTY, level: 'county', parentCode: null, tree: 'paired', sort: 1 });
  PAIRED_TOWNS.forEach((t, ti) => {
    const townCode = `${paired}${t.seg}000`;
    out.push({
      code: townCode,
      name: t.name,
      level: 'town',
      parentCode: DEMO_PAIRED_COUNTY.code,
      tree: 'paired',
      sort: ti,
    });
    placeNames(rng, t.villages, used).forEach((n, i) =>
      out.push({
        code: `${paired}${t.seg}${String(200 + i + 1)}`,
        name: `${n}村`,
        level: 'village',
        parentCode: townCode,
        tree: 'paired',
        sort: i,
      }),
    );
  });
  return out;
}

/** The leading group's member units 领导小组成员单位 (about 30), the office, the inspection team, the town offices. */
const MEMBER_UNITS: [key: string, name: string][] = [
  ['party-office', '区委办公室'],
  ['gov-office', '区政府办公室'],
  ['organisation', '区委组织部'],
  ['propaganda', '区委宣传部'],
  ['drc', '区发展和改革委员会'],
  ['finance', '区财政局'],
  ['hrss', '区人力资源和社会保障局'],
  ['agriculture', '区农业农村局'],
  ['education', '区教育局'],
  ['health', '区卫生健康委员会'],
  ['civil', '区民政局'],
  ['housing', '区住房和城乡建设局'],
  ['water', '区水利局'],
  ['commerce', '区商务局'],
  ['industry', '区经济和信息化局'],
  ['medical-insurance', '区医疗保障局'],
  ['science', '区科学技术局'],
  ['culture', '区文化旅游体育局'],
  ['market', '区市场监督管理局'],
  ['transport', '区交通运输局'],
  ['disabled', '区残疾人联合会'],
  ['women', '区妇女联合会'],
  ['youth', '共青团区委'],
  ['commerce-fed', '区工商业联合会'],
  ['red-cross', '区红十字会'],
  ['trade-union', '区总工会'],
  ['investment', '区投资促进中心'],
  ['state-assets', '区国有资产投资控股公司'],
  ['construction-co', '区城市建设投资公司'],
  ['hospital', '区人民医院'],
];

export function demoUnits(): DemoUnit[] {
  const units: DemoUnit[] = [
    { key: 'office', name: '区帮扶办', kind: 'office', regionCode: null, leaderName: null },
    { key: 'inspection', name: '区专项督察组', kind: 'inspection', regionCode: null, leaderName: null },
    ...MEMBER_UNITS.map(([key, name]) => ({
      key,
      name,
      kind: 'member' as const,
      regionCode: null,
      leaderName: null,
    })),
  ];
  const county = DEMO_DISTRICT.code.slice(0, 6);
  for (const t of TOWNS) {
    units.push({
      key: `town-${t.seg}`,
      name: `${t.name}办`,
      kind: 'town_office',
      regionCode: `${county}${t.seg}000`,
      leaderName: null,
    });
  }
  // Town offices are named after their town: 清水镇 → 清水镇人民政府, 城关街道 → 城关街道办事处.
  for (const u of units) {
    if (u.kind === 'town_office')
      u.name = u.name.replace(/街道办$/, '街道办事处').replace(/([镇乡])办$/, '$1人民政府');
  }
  return units;
}

export const DEMO_TOWN = `${DEMO_DISTRICT.code.slice(0, 6)}100000`;

export function demoUsers(regions: DemoRegion[]): DemoUser[] {
  const village = regions.find(
    (r) => r.parentCode === DEMO_TOWN && r.level === 'village' && r.code.slice(9) >= '200',
  )!;
  const town = regions.find((r) => r.code === DEMO_TOWN)!;
  return [
    {
      username: 'admin',
      displayName: '帮扶办管理员',
      role: 'admin',
      regionCode: null,
      unitKey: 'office',
      scope: '全部',
    },
    {
      username: 'leader',
      displayName: '区领导（演示）',
      role: 'leader',
      regionCode: null,
      unitKey: null,
      scope: '全部（只读）',
    },
    {
      username: 'unit',
      displayName: '人社局联络员',
      role: 'unit',
      regionCode: null,
      unitKey: 'hrss',
      scope: '区人力资源和社会保障局',
    },
    {
      username: 'town',
      displayName: `${town.name}帮扶专干`,
      role: 'town',
      regionCode: town.code,
      unitKey: 'town-100',
      scope: town.name,
    },
    {
      username: 'village',
      displayName: `${village.name}村干部`,
      role: 'village',
      regionCode: village.code,
      unitKey: null,
      scope: `${town.name}${village.name}`,
    },
    {
      username: 'inspector',
      displayName: '专项督察组组员',
      role: 'inspector',
      regionCode: null,
      unitKey: 'inspection',
      scope: '全部（只写督查）',
    },
  ];
}
