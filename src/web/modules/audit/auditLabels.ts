import type { LocalizedText } from '../../../core/errors/errors';

/** Names of the audit actions and entities the server writes today; unknown codes show as they are. */
export const AUDIT_ACTION_LABELS: Record<string, LocalizedText> = {
  'auth.login': { zh: '登录', en: 'Logged in' },
  'auth.login_failed': { zh: '登录失败', en: 'Failed login' },
  'auth.locked': { zh: '账号锁定', en: 'Account locked' },
  'auth.logout': { zh: '退出登录', en: 'Logged out' },
  'auth.logout_all': { zh: '退出所有设备', en: 'Logged out everywhere' },
  'user.create': { zh: '新建用户', en: 'User created' },
  'user.update': { zh: '修改用户', en: 'User changed' },
  'user.reset_password': { zh: '重置密码', en: 'Password reset' },
  'user.password_changed': { zh: '修改本人密码', en: 'Own password changed' },
  'user.unlock': { zh: '解除锁定', en: 'User unlocked' },
  'unit.create': { zh: '新建单位', en: 'Unit created' },
  'unit.update': { zh: '修改单位', en: 'Unit changed' },
  'region.create': { zh: '新建区划', en: 'Region created' },
  'region.update': { zh: '修改区划', en: 'Region changed' },
  'region.import': { zh: '导入区划', en: 'Regions imported' },
  'demo.load': { zh: '载入演示数据', en: 'Demo data loaded' },
};

export const AUDIT_ENTITY_LABELS: Record<string, LocalizedText> = {
  user: { zh: '用户', en: 'User' },
  unit: { zh: '单位', en: 'Unit' },
  region: { zh: '区划', en: 'Region' },
  system: { zh: '系统', en: 'System' },
};
