import type { z } from 'zod';
import type { ACTIVITY_DETAILS, ActivityType } from '../../../core/activities/activities.schemas';
import type { LocalizedText } from '../../../core/errors/errors';

/**
 * How each record type is entered: labels for its `details` fields (the fields themselves and their
 * rules come from the core schema, so a field added there shows up here, and the type checker asks
 * for its label), which common columns it uses, and what its one-line summary shows.
 */
interface FieldText {
  label: LocalizedText;
  /** Labels of an enum field's values. */
  options?: Record<string, LocalizedText>;
  /** Derived by the server; not entered. */
  derived?: boolean;
}

type DetailsOf<T extends ActivityType> = z.input<(typeof ACTIVITY_DETAILS)[T]>;

interface TypeSpec<T extends ActivityType> {
  fields: { [K in keyof Required<DetailsOf<T>>]: FieldText };
  /** The record's 金额 column (yuan): shown with this label; required when the core says so. */
  amount?: LocalizedText;
  /** The record's 人数 column. */
  people?: LocalizedText;
  /** The record names a person (name + ID number, stored encrypted and shown masked). */
  person?: boolean;
  /** Details fields that make up the list's one-line summary, in order. */
  summary: (keyof DetailsOf<T>)[];
}

const L = (zh: string, en: string): LocalizedText => ({ zh, en });

/** A spec without the per-type key checks, for code that works on any type. */
interface LooseSpec {
  fields: Record<string, FieldText>;
  amount?: LocalizedText;
  people?: LocalizedText;
  person?: boolean;
  summary: string[];
}

function loose(type: ActivityType): LooseSpec {
  return ACTIVITY_SPECS[type] as unknown as LooseSpec;
}

export const ACTIVITY_SPECS: { [T in ActivityType]: TypeSpec<T> } = {
  leadership_visit: {
    fields: {
      visitorLevel: {
        label: L('带队领导级别', "Leader's level"),
        options: {
          district: L('区主要负责同志', 'District leader'),
          town: L('镇(街)主要负责同志', 'Town leader'),
          city: L('协助市领导调研', 'City leader (assisted)'),
        },
      },
      visitor: { label: L('带队领导', 'Visit led by') },
      participants: { label: L('参加人员', 'Participants') },
      purpose: { label: L('调研内容', 'Purpose') },
      findings: { label: L('发现和解决的问题', 'Findings and problems solved') },
    },
    people: L('参加人数', 'People taking part'),
    summary: ['visitor', 'purpose'],
  },
  study_session: {
    fields: {
      topic: { label: L('学习主题', 'Topic') },
      format: { label: L('学习形式', 'Format') },
    },
    people: L('参加人数', 'Attendees'),
    summary: ['topic', 'format'],
  },
  cadre_secondment: {
    fields: {
      personName: { label: L('挂职干部姓名', 'Cadre') },
      originalPost: { label: L('原单位及职务', 'Original unit and post') },
      post: { label: L('挂职单位及职务', 'Seconded post') },
      startDate: { label: L('挂职开始日期', 'Start date') },
      endDate: { label: L('挂职结束日期', 'End date') },
      trainings: { label: L('参加培训次数', 'Trainings attended') },
      exemplary: { label: L('遴选为先进挂职干部典型', 'Selected as exemplary cadre') },
    },
    summary: ['personName', 'post'],
  },
  talent_support: {
    fields: {
      field: {
        label: L('支持领域', 'Field'),
        options: {
          education: L('教育', 'Education'),
          science: L('科技', 'Science'),
          culture: L('文化', 'Culture'),
          health: L('卫生', 'Health'),
          social_work: L('社会工作', 'Social work'),
        },
      },
      personName: { label: L('人才姓名', 'Person') },
      description: { label: L('支持内容', 'Support given') },
    },
    summary: ['field', 'personName', 'description'],
  },
  training: {
    fields: {
      kind: {
        label: L('培训类型', 'Kind'),
        options: {
          entrepreneur_leader: L('创业致富带头人培训', 'Entrepreneur-leader training'),
          vocational: L('职业教育/培训', 'Vocational education / training'),
          cadre: L('干部培训', 'Cadre training'),
          skills: L('技能培训', 'Skills training'),
          other: L('其他', 'Other'),
        },
      },
      title: { label: L('培训名称', 'Title') },
      organiser: { label: L('主办单位', 'Organiser') },
    },
    people: L('参训人数', 'Attendees'),
    summary: ['kind', 'title'],
  },
  employment_placement: {
    fields: {
      mode: {
        label: L('就业方式', 'Mode'),
        options: {
          transfer: L('转移到我区就业', 'Transferred to the district'),
          local: L('本地就近就业', 'Local employment (district projects)'),
        },
      },
      registeredPoor: { label: L('建档立卡贫困人口', 'Registered poor') },
      hometown: { label: L('户籍地', 'Home (as registered)') },
      employer: { label: L('就业单位', 'Employer') },
      workplace: { label: L('工作地点', 'Workplace') },
      post: { label: L('岗位', 'Post') },
      startDate: { label: L('上岗日期', 'Start date') },
      monthlyWage: { label: L('月工资（元）', 'Monthly wage (yuan)') },
      stableMonths: { label: L('稳定就业月数', 'Months in stable work') },
    },
    person: true,
    summary: ['mode', 'employer'],
  },
  consumption_purchase: {
    fields: {
      buyer: { label: L('采购单位/个人', 'Buyer') },
      buyerKind: {
        label: L('采购方类型', 'Buyer kind'),
        options: {
          unit: L('机关事业单位', 'Public body'),
          enterprise: L('企业', 'Enterprise'),
          organisation: L('社会组织', 'Organisation'),
          individual: L('个人', 'Individual'),
        },
      },
      product: { label: L('产品名称', 'Product') },
      origin: { label: L('产地', 'Origin') },
      quantity: { label: L('数量', 'Quantity') },
      method: {
        label: L('采购方式', 'Method'),
        options: {
          centralised: L('集中采购', 'Centralised purchase'),
          canteen: L('食堂采购', 'Canteen'),
          individual: L('个人购买', 'Individual'),
          online: L('网络销售', 'Online'),
          other: L('其他', 'Other'),
        },
      },
      centralisedTrip: { label: L('属于集中采购活动', 'Part of a centralised purchasing trip') },
      half: { label: L('半年', 'Half-year'), derived: true },
    },
    amount: L('采购金额（元）', 'Amount (yuan)'),
    summary: ['buyer', 'product'],
  },
  donation: {
    fields: {
      donor: { label: L('捐赠方', 'Donor') },
      donationType: {
        label: L('捐赠类型', 'Donation type'),
        options: { money: L('资金', 'Money'), goods: L('物资（折价）', 'Goods (valued)') },
      },
      beneficiaryKind: {
        label: L('受助对象类型', 'Beneficiaries'),
        options: {
          family: L('贫困家庭', 'Poor families'),
          student: L('贫困学生', 'Poor students'),
          project: L('帮扶项目', 'A project'),
        },
      },
      beneficiaries: { label: L('受助对象', 'Beneficiaries (names)') },
    },
    amount: L('捐赠金额（元）', 'Amount (yuan)'),
    summary: ['donor', 'beneficiaryKind'],
  },
  medical_aid: {
    fields: {
      institution: { label: L('医疗机构', 'Institution') },
      description: { label: L('救助内容', 'Aid given') },
    },
    amount: L('救助金额（元）', 'Amount (yuan)'),
    people: L('救助人数', 'People helped'),
    summary: ['institution', 'description'],
  },
  volunteer_event: {
    fields: {
      kind: {
        label: L('服务类型', 'Kind'),
        options: {
          free_clinic: L('专家义诊', 'Free clinic'),
          left_behind_children: L('关爱留守儿童', 'Left-behind children'),
          lonely_elderly: L('慰问孤寡老人', 'Lonely elderly'),
          other: L('其他', 'Other'),
        },
      },
      title: { label: L('活动名称', 'Title') },
      beneficiaries: { label: L('受益人数', 'People served') },
    },
    people: L('志愿者人数', 'Volunteers'),
    summary: ['kind', 'title'],
  },
  industry_base: {
    fields: {
      name: { label: L('基地名称', 'Base') },
      industry: { label: L('产业', 'Industry') },
      poorEmployed: { label: L('带动贫困人口就业（人）', 'Poor people employed') },
    },
    amount: L('投入资金（元）', 'Investment (yuan)'),
    summary: ['name', 'industry'],
  },
  cooperation_org: {
    fields: {
      name: { label: L('名称', 'Name') },
      kind: {
        label: L('类型', 'Kind'),
        options: {
          cooperative: L('专业合作社', 'Cooperative'),
          leading_enterprise: L('龙头企业', 'Leading enterprise'),
          association: L('行业协会', 'Association'),
          other: L('其他', 'Other'),
        },
      },
      description: { label: L('说明', 'Description') },
    },
    summary: ['name', 'kind'],
  },
  investment: {
    fields: {
      enterprise: { label: L('引进企业', 'Enterprise') },
      industry: { label: L('产业', 'Industry') },
      jobs: { label: L('带动就业（人）', 'Jobs') },
      countedInAssessment: { label: L('纳入招商引资考核', 'Counted in the investment assessment') },
    },
    amount: L('投资额（元）', 'Investment (yuan)'),
    summary: ['enterprise', 'industry'],
  },
  park_exchange: {
    fields: {
      kind: {
        label: L('类型', 'Kind'),
        options: {
          exchange: L('园区经验交流', 'Experience exchange'),
          partnership: L('企业合作', 'Partnership'),
        },
      },
      parks: { label: L('园区', 'Parks') },
      description: { label: L('内容', 'Description') },
    },
    summary: ['kind', 'parks'],
  },
  rural_revitalisation: {
    fields: {
      category: {
        label: L('类别', 'Category'),
        options: {
          living_environment: L('人居环境整治', 'Living environment'),
          village_appearance: L('村容村貌提升', 'Village appearance'),
          public_health_network: L('农村公共卫生三级网络', 'Rural public-health network'),
          other: L('其他', 'Other'),
        },
      },
      project: { label: L('项目名称', 'Project') },
      description: { label: L('说明', 'Description') },
    },
    amount: L('投入资金（元）', 'Investment (yuan)'),
    summary: ['category', 'project'],
  },
};

/** The text of one field of a type (its label, and option labels for enums). */
export function fieldText(type: ActivityType, field: string): FieldText | undefined {
  return loose(type).fields[field];
}

/** A details value as shown to people: enum values by their label, booleans as 是/否. */
export function detailValueText(
  type: ActivityType,
  field: string,
  value: unknown,
  lt: (text: LocalizedText) => string,
  yesNo: { yes: string; no: string },
): string {
  if (value === null || value === undefined || value === '') return '';
  const option = fieldText(type, field)?.options?.[String(value)];
  if (option) return lt(option);
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  return String(value);
}

/** The one-line summary of a record (its main details), for lists and cards. */
export function activitySummary(
  type: ActivityType,
  details: Record<string, unknown>,
  lt: (text: LocalizedText) => string,
): string {
  return loose(type)
    .summary.map((f) => detailValueText(type, f, details[f], lt, { yes: '', no: '' }))
    .filter(Boolean)
    .join(' · ');
}

export function specOf(type: ActivityType): {
  amount?: LocalizedText;
  people?: LocalizedText;
  person?: boolean;
} {
  const spec = loose(type);
  return { amount: spec.amount, people: spec.people, person: spec.person };
}
