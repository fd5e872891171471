/**
 * Readable names for extracted indicators, derived by rules from the sentence — no table keyed to
 * one document, so next year's plan phrased the same way gets the same names.
 *
 * Two shapes cover plan wording:
 * - object BEFORE the number ("年捐助金额不低于40万元", "区委、区政府主要负责同志到XX县调研不少于2次"):
 *   name = the subject/predicate before the comparator + a suffix from the measure word
 *   (次 → 次数, 个/家 → 数; money and % get none) → "年捐助金额", "区主要负责同志到XX县调研次数".
 * - object AFTER the number ("建设不少于5个特色产业基地", "组织2-3次创业致富带头人培训",
 *   "转移3名以上XX县贫困人口来我区就业"): name = the object + suffix → "特色产业基地数",
 *   "创业致富带头人培训次数"; for people the specific verb and purpose are kept and the place dropped
 *   → "转移就业贫困人口".
 * When the number's own fragment has neither ("并分上、下半年2次,组织人员到XX县进行集中采购"), the
 * activity of the next fragment is used → "集中采购次数".
 */
import type { IndicatorUnit } from './plan.schemas';

export interface NameInput {
  /** Text of the number's fragment before the comparator, with deadline phrases removed. */
  readonly before: string;
  /** Text of the number's fragment after the quantity. */
  readonly after: string;
  /** The following fragment of the same sentence (deadline phrases removed), if any. */
  readonly next: string | null;
  /** The preceding fragment of the same sentence, if any. */
  readonly previous: string | null;
  readonly unit: IndicatorUnit;
}

export interface DerivedName {
  readonly name: string;
  /** The group of a "各N" target ("教育" in "选派教育、卫生人才各2名"), else null. */
  readonly group: string | null;
}

type UnitKind = 'people' | 'event' | 'count' | 'other';

const UNIT_KINDS: Readonly<Partial<Record<IndicatorUnit, UnitKind>>> = {
  人: 'people',
  人次: 'people',
  户: 'people',
  次: 'event',
  场: 'event',
  期: 'event',
  批: 'event',
  个: 'count',
  家: 'count',
  所: 'count',
  项: 'count',
  处: 'count',
  座: 'count',
  条: 'count',
  篇: 'count',
  套: 'count',
  台: 'count',
  辆: 'count',
};
const kindOf = (unit: IndicatorUnit): UnitKind => UNIT_KINDS[unit] ?? 'other';

/** Connectives, modal and emphasis words that never belong in a name. */
const LEAD_RE =
  /^(?:并且|并|同时|而且|且|还要|要|需要|需|须|必须|应当|应|确保|力争|争取|努力|全力|积极|切实|进一步|全面|继续|共计|共|累计|计划|预计|在|将|其中|今年|本年度|本年|当年|全年|年度内|每年|各|至少|最少|最多|至多)/;
/** Trailing words left when the comparator was cut off ("使用率为100%"). */
const TRAIL_RE = /(?:要|需|须|应|为|是|在|共|累计|总计|合计|共计)+$/;
/** Verbs too general to name anything ("支持…", "组织…"). */
const GENERIC_VERB_RE = /^(?:组织|开展|举办|完成|实现|推动|推进|支持|帮助|协助|引导|落实|做好|带动|促进)/;
/** A place at the start ("XX县", "我区", "当地", "向XX县"): the target is already about the place. */
const PLACE_RE =
  /^(?:(?:向|为|对|给|在|到|赴)?(?:[A-Z]{1,4}|我|本|全|该|[\u4e00-\u9fff]{2})[省市县区](?![域内直委政级])|当地|本地)/;
/** "来我区", "到XX县" before the purpose of people targets ("来我区就业" → "就业"). */
const MOTION_RE = /^(?:来|到|赴|去|在|于)(?:[A-Z]{1,4}|我|本|[\u4e00-\u9fff]{1,4}?)[省市县区镇乡村]/;
/** Where a people object ends and its purpose begins ("贫困人口|就地就近就业"). */
const PEOPLE_TAIL_RE =
  /来|到|赴|去|在|于|就地|就近|参加|参与|进行|实现|接受|从事|返乡|入学|(?:务工|就业|创业|脱贫|增收)(?!人口|人员|群众|家庭|劳动力|学生|青年|户|致富)/g;
/** Nouns that already name people: no "人数" suffix needed. */
const PEOPLE_NOUN_RE = /(?:人口|人员|人才|干部|群众|劳动力|学生|农户|户|者|人|员|工|生)$/;
/** Verbs specific enough to keep in a name ("选派", "转移", "培训"). */
const VERBS = [
  '选派',
  '派出',
  '派驻',
  '招聘',
  '招录',
  '选聘',
  '培训',
  '培养',
  '培育',
  '引进',
  '转移',
  '安置',
  '资助',
  '慰问',
  '帮扶',
  '结对',
  '捐赠',
  '捐助',
  '采购',
  '建设',
  '建立',
  '新建',
  '新增',
  '投入',
  '提供',
  '吸纳',
  '推荐',
  '走访',
  '调研',
  '救助',
  '发放',
  '创建',
  '打造',
];
/** The activity of a following fragment ("组织人员到XX县进行集中采购" → "集中采购"). */
const ACTIVITY_RE = /(?:进行|开展|举办|组织|参加)((?:(?!进行|开展|举办|组织|参加).)+)$/;

function repeatStrip(text: string, re: RegExp): string {
  let s = text;
  for (let m = re.exec(s); m !== null && m[0].length > 0; m = re.exec(s)) s = s.slice(m[0].length);
  return s;
}

/**
 * Compress the leadership pair: "区委、区政府" → "区"; "镇(街)党(工)委、政府(办事处)" → "镇(街)".
 * (R1: these are the "主要负责同志" whose visits are counted.)
 */
export function compressLeadership(text: string): string {
  return text
    .replace(/([\u4e00-\u9fff]{1,3})委[、和及与]\1政府/g, '$1')
    .replace(/党(?:\([^)]*\))?委[、和及与]?政府(?:\([^)]*\))?/g, '');
}

/** Drop years, time words, connectives and modal words at the start and end. */
export function cleanPhrase(text: string): string {
  let s = text.replace(/\d{4}年度?/g, '');
  s = repeatStrip(s, LEAD_RE);
  s = compressLeadership(s);
  return s.replace(TRAIL_RE, '');
}

const stripGenericAndPlaces = (text: string): string =>
  repeatStrip(repeatStrip(repeatStrip(text, GENERIC_VERB_RE), PLACE_RE), GENERIC_VERB_RE);

/** The specific verb before a number ("转移"), or "" for general ones ("支持", "帮助XX县"). */
function verbOf(before: string): string {
  const s = stripGenericAndPlaces(cleanPhrase(before));
  if (s.length <= 4) return s;
  return VERBS.find((v) => s.endsWith(v)) ?? '';
}

function suffixFor(name: string, unit: IndicatorUnit): string {
  switch (unit) {
    case '次':
      return /次数?$/.test(name) ? '' : '次数';
    case '场':
      return name.endsWith('场次') ? '' : '场次';
    case '期':
      return name.endsWith('期数') ? '' : '期数';
    case '批':
      return name.endsWith('批次') ? '' : '批次';
    case '人':
      return PEOPLE_NOUN_RE.test(name) ? '' : '人数';
    case '人次':
      return name.endsWith('人次') ? '' : '人次';
    case '户':
      return /户数?$/.test(name) ? '' : '户数';
    default:
      return kindOf(unit) === 'count' && !name.endsWith('数') ? '数' : '';
  }
}

const withSuffix = (name: string, unit: IndicatorUnit): string =>
  name === '' ? '' : name + suffixFor(name, unit);

/** The object after the number, or "" when the fragment ends there. */
function objectAfter(after: string): string {
  const s = after.replace(/^(?:的|左右)/, '').replace(/等$/, '');
  return /^[\u4e00-\u9fffA-Za-z]/.test(s) ? s : '';
}

/** "XX县贫困人口来我区就业" → noun "贫困人口", purpose "就业". */
function splitPeople(object: string): { noun: string; purpose: string } {
  PEOPLE_TAIL_RE.lastIndex = 0;
  for (let m = PEOPLE_TAIL_RE.exec(object); m !== null; m = PEOPLE_TAIL_RE.exec(object)) {
    if (m.index === 0) continue;
    return {
      noun: repeatStrip(object.slice(0, m.index), PLACE_RE),
      purpose: object.slice(m.index).replace(MOTION_RE, ''),
    };
  }
  return { noun: repeatStrip(object, PLACE_RE), purpose: '' };
}

/**
 * "选派教育、卫生人才" → verb "选派", groups ["教育", "卫生"], head "人才". Parallel items are
 * assumed to be as long as the first one; the rest of the last item is the shared head noun.
 */
function splitGroups(phrase: string): { verb: string; groups: string[]; head: string } | null {
  const s = stripGenericAndPlaces(phrase);
  const verb = VERBS.find((v) => s.startsWith(v)) ?? '';
  const items = repeatStrip(s.slice(verb.length), PLACE_RE)
    .split(/[、和及与]/)
    .filter((item) => item.length > 0);
  const first = items[0];
  const last = items[items.length - 1];
  if (items.length < 2 || first === undefined || last === undefined) return null;
  if (last.length <= first.length) return { verb, groups: items, head: '' };
  return {
    verb,
    groups: [...items.slice(0, -1), last.slice(0, first.length)],
    head: last.slice(first.length),
  };
}

/** Name(s) of the indicator: one per group for "各N", else one. */
export function deriveNames(input: NameInput): DerivedName[] {
  const { unit } = input;
  let before = cleanPhrase(input.before);

  if (before.endsWith('各')) {
    before = before.slice(0, -1);
    const split = splitGroups(before);
    if (split !== null) {
      return split.groups.map((group) => ({ name: split.verb + group + split.head, group }));
    }
  }

  const object = objectAfter(input.after);
  if (object !== '') {
    const kind = kindOf(unit);
    if (kind === 'people') {
      const { noun, purpose } = splitPeople(object);
      const name = verbOf(before) + purpose + noun;
      return [{ name: unit === '人次' ? withSuffix(name, unit) : name, group: null }];
    }
    if (kind === 'event' || kind === 'count') return [{ name: withSuffix(object, unit), group: null }];
    return [{ name: verbOf(before) + object, group: null }];
  }

  let subject = repeatStrip(before, GENERIC_VERB_RE);
  if (subject === '' && input.next !== null) {
    const next = cleanPhrase(input.next);
    subject = ACTIVITY_RE.exec(next)?.[1] ?? next;
  }
  if (subject === '' && input.previous !== null) subject = cleanPhrase(input.previous);
  if (subject === '') subject = before;
  return [{ name: withSuffix(subject, unit) || '未命名指标', group: null }];
}
