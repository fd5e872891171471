import { dayNumberToIsoDate, isoDateToDayNumber } from '../identity/dates';
import { pick, randomInt, type Rng } from '../identity/random';
import { makeSyntheticIdNumber } from '../identity/synthetic';
import type { HouseholdYearInput, HouseholdCreate, MemberInput } from './households.schemas';

/**
 * Synthetic households for tests, the demo and the benchmark: deterministic from the rng, ID numbers
 * valid but with the demo district's fictional address code 349901 (no real person behind any).
 */
export const SYNTHETIC_ADDRESS_CODE = '349901';

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥建国文辉力斌宇浩凯秀珍春梅海燕志强永红晓东德明金凤淑贞';

/** A two- or three-character synthetic name. */
export function syntheticName(rng: Rng): string {
  const given = pick(rng, [...GIVEN]) + (rng() < 0.6 ? pick(rng, [...GIVEN]) : '');
  return pick(rng, [...SURNAMES]) + given;
}

const date = (rng: Rng, from: string, to: string) =>
  dayNumberToIsoDate(randomInt(rng, isoDateToDayNumber(from), isoDateToDayNumber(to)));

/** One synthetic member; `over` fixes any field (e.g. a given birth date or relation). */
export function syntheticMember(
  rng: Rng,
  over: Partial<MemberInput> & { birthDate?: string; sexOf?: 'male' | 'female' } = {},
): MemberInput {
  const birthDate = over.birthDate ?? date(rng, '1940-01-01', '2015-12-31');
  const sex = over.sexOf ?? (rng() < 0.5 ? 'male' : 'female');
  const idNumber = makeSyntheticIdNumber(rng, { addressCode: SYNTHETIC_ADDRESS_CODE, birthDate, sex });
  const age = 2020 - Number(birthDate.slice(0, 4));
  const r = rng();
  const health = r < 0.08 ? 'serious' : r < 0.25 ? 'chronic' : 'healthy';
  const labour =
    age < 16 ? 'none' : age > 70 ? (rng() < 0.6 ? 'lost' : 'weak') : rng() < 0.1 ? 'weak' : 'normal';
  const schooling =
    age < 6
      ? 'preschool'
      : age <= 12
        ? 'primary'
        : age <= 15
          ? 'grade8'
          : age <= 18
            ? 'highSchool'
            : 'notInSchool';
  const out: MemberInput = {
    name: syntheticName(rng),
    idNumber,
    relation: 'head',
    health,
    labour,
    schooling,
    medicalInsurance: rng() < 0.995,
    criticalIllnessInsurance: rng() < 0.99,
    familyDoctor: rng() < 0.8,
    disabilityCertificate: rng() < 0.05 ? `${idNumber}${randomInt(rng, 1, 7)}${randomInt(rng, 1, 4)}` : null,
  };
  const { sexOf: _sexOf, ...rest } = over;
  return { ...out, ...rest, idNumber: rest.idNumber ?? idNumber };
}

/** A household of 1–6 members with a head, spouse, children and sometimes a parent. */
export function syntheticHousehold(
  rng: Rng,
  regionCode: string,
  over: Partial<HouseholdCreate> = {},
): HouseholdCreate {
  const headBirth = date(rng, '1945-01-01', '1990-12-31');
  const headSex = rng() < 0.8 ? 'male' : 'female';
  const members: MemberInput[] = [
    syntheticMember(rng, { relation: 'head', birthDate: headBirth, sexOf: headSex }),
  ];
  const headYear = Number(headBirth.slice(0, 4));
  const size = pick(rng, [1, 2, 2, 3, 3, 3, 4, 4, 5, 6]);
  if (size >= 2)
    members.push(
      syntheticMember(rng, {
        relation: 'spouse',
        birthDate: date(rng, `${headYear - 3}-01-01`, `${headYear + 3}-12-31`),
        sexOf: headSex === 'male' ? 'female' : 'male',
      }),
    );
  for (let i = 2; i < size; i++) {
    if (i === 5 && headYear > 1960) {
      members.push(
        syntheticMember(rng, {
          relation: rng() < 0.5 ? 'father' : 'mother',
          birthDate: date(rng, `${headYear - 30}-01-01`, `${headYear - 22}-12-31`),
        }),
      );
      continue;
    }
    const childFrom = Math.min(headYear + 20, 2014);
    const sexOf = rng() < 0.5 ? 'male' : 'female';
    members.push(
      syntheticMember(rng, {
        relation: sexOf === 'male' ? 'son' : 'daughter',
        birthDate: date(rng, `${childFrom}-01-01`, `${Math.min(headYear + 38, 2015)}-12-31`),
        sexOf,
      }),
    );
  }
  return {
    regionCode,
    attribute: pick(rng, ['一般农户', '一般农户', '脱贫户', '脱贫户', '低保户', '一般贫困户']),
    povertyExitFlag: null,
    villageGroup: `${randomInt(rng, 1, 12)}组`,
    phone: `139${String(randomInt(rng, 0, 99_999_999)).padStart(8, '0')}`,
    members,
    ...over,
  };
}

/** A year's economics: per-capita net income around `perCapita` (default drawn, some below the line). */
export function syntheticYear(rng: Rng, size: number, perCapita?: number): HouseholdYearInput {
  const pc = perCapita ?? (rng() < 0.15 ? randomInt(rng, 3000, 6000) : randomInt(rng, 6000, 30000));
  const net = pc * size;
  const transfer = Math.round(net * 0.15);
  const business = Math.round(net * 0.25);
  return {
    econ: {
      wages: net - transfer - business,
      netBusinessIncome: business + 500,
      propertyIncome: 0,
      transferIncome: transfer,
      businessCosts: 500,
      rigidExpenditure: {
        medical: rng() < 0.05 ? randomInt(rng, 20000, 60000) : 0,
        education: 0,
        disaster: 0,
        other: 0,
      },
    },
    housing: { grade: rng() < 0.03 ? 'C' : rng() < 0.5 ? 'A' : 'B' },
    water: {
      litresPerPersonDay: 60,
      waterShortArea: false,
      qualityOk: true,
      fetchMinutes: 0,
      supplyCutDaysPerYear: 0,
    },
    foodClothing: { enoughStapleFood: true, meatAtLeastMonthly: true, seasonalClothing: true },
  };
}
