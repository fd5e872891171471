import { createModuleText } from '../../i18n/moduleText';

/** Strings of the registry import and export tools (module-local; same keys in both languages). */
const zh = {
  'reg.import': '导入花名册',
  'reg.importTitle': '导入困难家庭花名册',
  'reg.importHelp':
    '按模板填写 .xlsx（工作表「家庭成员」，一行一人）。先校验：所有行无误后才能导入，导入要么全部成功，要么不写入任何数据。',
  'reg.template': '下载导入模板',
  'reg.pick': '选择 .xlsx 文件',
  'reg.validate': '校验',
  'reg.run': '导入',
  'reg.close': '关闭',
  'reg.phase.validate': '正在校验：已读 {done} 行',
  'reg.phase.write': '正在写入：{done} / {total} 人',
  'reg.phase.writeHouseholds': '正在写入：{done} / {total} 户',
  'reg.phase.done': '完成',
  'reg.failed': '导入中断，未写入任何数据；请重试或联系管理员',
  'reg.validOk': '校验通过：{households} 户 {members} 人，可以导入',
  'reg.imported': '已导入 {households} 户 {members} 人（{seconds} 秒）',
  'reg.errors': '发现 {count} 处错误，未导入任何数据。请改正后重新校验：',
  'reg.errorsMore': '只列出前 {shown} 处',
  'reg.warnings': '{count} 条提示（不影响导入）',
  'reg.sheet': '工作表',
  'reg.row': '行',
  'reg.column': '列',
  'reg.problem': '问题',
  'reg.economics': '导入收支',
  'reg.economicsTitle': '导入家庭年度收支',
  'reg.economicsHelp':
    '先下载本年度收支表：表中已列出当前筛选出的家庭（含已录入的数据），填写或修改金额后上传。空白金额按 0 计；校验无误后一次写入，并立即重新评估各户。',
  'reg.economicsDownload': '下载 {year} 年收支表',
  'reg.year': '年度',
  'reg.economicsOk': '校验通过：{rows} 户的年度收支，可以导入',
  'reg.economicsDone': '已导入 {rows} 户（新增 {created}），其中 {flagged} 户触发监测预警（{seconds} 秒）',
  'reg.export': '导出',
  'reg.exportMasked': '导出花名册（证件号码脱敏）',
  'reg.exportFull': '导出完整证件号码…',
  'reg.exportFullTitle': '导出完整证件号码',
  'reg.exportFullHelp': '完整证件号码的导出会记录导出人、用途和人数。请填写用途：',
  'reg.purpose': '用途',
  'reg.purposeRequired': '请填写用途',
  'reg.download': '下载',
} as const;

type Key = keyof typeof zh;

const en: Record<Key, string> = {
  'reg.import': 'Import ledger',
  'reg.importTitle': 'Import the household ledger',
  'reg.importHelp':
    'Fill the .xlsx template (sheet 家庭成员, one row per person). Validate first: only a file without errors can be imported, and an import writes everything or nothing.',
  'reg.template': 'Download the template',
  'reg.pick': 'Choose an .xlsx file',
  'reg.validate': 'Validate',
  'reg.run': 'Import',
  'reg.close': 'Close',
  'reg.phase.validate': 'Validating: {done} rows read',
  'reg.phase.write': 'Writing: {done} / {total} people',
  'reg.phase.writeHouseholds': 'Writing: {done} / {total} households',
  'reg.phase.done': 'Done',
  'reg.failed': 'The import stopped and wrote nothing; try again or ask the administrator',
  'reg.validOk': 'Valid: {households} households, {members} people — ready to import',
  'reg.imported': 'Imported {households} households, {members} people ({seconds} s)',
  'reg.errors': '{count} error(s) found; nothing was imported. Correct them and validate again:',
  'reg.errorsMore': 'Showing the first {shown}',
  'reg.warnings': '{count} note(s) (the import can go ahead)',
  'reg.sheet': 'Sheet',
  'reg.row': 'Row',
  'reg.column': 'Column',
  'reg.problem': 'Problem',
  'reg.economics': 'Import economics',
  'reg.economicsTitle': "Import the households' yearly economics",
  'reg.economicsHelp':
    "Download the year's sheet first: it lists the households of the current filter (with what is already recorded). Fill or correct the amounts and upload it. Blank amounts count as 0; a valid file is written at once and every household re-evaluated.",
  'reg.economicsDownload': 'Download the {year} sheet',
  'reg.year': 'Year',
  'reg.economicsOk': 'Valid: economics of {rows} households — ready to import',
  'reg.economicsDone':
    'Imported {rows} households ({created} new); {flagged} flagged by the monitoring rules ({seconds} s)',
  'reg.export': 'Export',
  'reg.exportMasked': 'Export the ledger (ID numbers masked)',
  'reg.exportFull': 'Export full ID numbers…',
  'reg.exportFullTitle': 'Export full ID numbers',
  'reg.exportFullHelp':
    'Exports of full ID numbers are logged with who, why and how many. State the purpose:',
  'reg.purpose': 'Purpose',
  'reg.purposeRequired': 'State the purpose',
  'reg.download': 'Download',
};

export const useRt = createModuleText(zh, en);
