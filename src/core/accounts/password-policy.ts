import type { LocalizedText } from '../errors/errors';

export const PASSWORD_MIN_LENGTH = 10;

/** Password policy: at least 10 characters and not the username (in any case, forwards or backwards). */
export function checkPassword(password: string, username: string): LocalizedText | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return {
      zh: `密码至少 ${PASSWORD_MIN_LENGTH} 个字符`,
      en: `The password must have at least ${PASSWORD_MIN_LENGTH} characters`,
    };
  }
  const p = password.toLowerCase();
  const u = username.toLowerCase();
  if (u && (p === u || p === [...u].reverse().join(''))) {
    return { zh: '密码不能与用户名相同', en: 'The password must not be the username' };
  }
  return null;
}
