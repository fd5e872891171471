/**
 * The public notice 公示 of a village appraisal (R10). By rule it shows the name, the village and the
 * proposed type only — never an ID number, phone, bank account or health data — so its input type has
 * no field that could carry them.
 */
export interface NoticeEntry {
  headName: string;
  villageName: string;
  /** e.g. 拟纳入：边缘易致贫户 / 拟退出监测（风险消除） */
  proposal: string;
}

export interface NoticeInput {
  townName: string;
  villageName: string;
  year: number;
  entries: readonly NoticeEntry[];
  /** YYYY-MM-DD */
  startDate: string;
  endDate: string;
  days: number;
}

export interface Notice {
  title: string;
  intro: string;
  header: [string, string, string, string];
  rows: [string, string, string, string][];
  closing: string[];
  signature: string;
}

const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Builds the notice text; the same content feeds the .txt and the .docx renderings. */
export function buildNotice(input: NoticeInput): Notice {
  return {
    title: `${input.villageName}${input.year}年防止返贫监测对象动态调整公示`,
    intro: `经农户申请（或干部排查、部门预警）、入户核实、村民主评议，现将以下农户的监测对象调整情况予以公示，公示期 ${input.days} 天（${zhDate(input.startDate)}至${zhDate(input.endDate)}）。`,
    header: ['序号', '户主姓名', '所在村(社区)', '拟调整情况'],
    rows: input.entries.map((e, i) => [String(i + 1), e.headName, e.villageName, e.proposal]),
    closing: [
      '公示期间，如对公示对象有异议，可通过来信、来电或来访等方式向村(社区)委员会或镇(街)反映。',
      '反映情况应实事求是，以真实姓名反映的，我们将予以保密。',
    ],
    signature: `${input.townName}${input.villageName}委员会\n${zhDate(input.startDate)}`,
  };
}

/** Plain-text rendering (for the notice board printout and previews). */
export function noticeText(n: Notice): string {
  const lines = [
    n.title,
    '',
    n.intro,
    '',
    n.header.join('\t'),
    ...n.rows.map((r) => r.join('\t')),
    '',
    ...n.closing,
    '',
    n.signature,
  ];
  return `${lines.join('\n')}\n`;
}
