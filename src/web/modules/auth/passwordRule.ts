import type { Rule } from 'antd/es/form';
import { checkPassword } from '../../../core/accounts/password-policy';
import { pick, type Lang } from '../../i18n/lang';

/** An antd form rule running the server's own password policy, so problems show before submitting. */
export function passwordPolicyRule(getUsername: () => string, lang: Lang): Rule {
  return {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const problem = checkPassword(value, getUsername());
      if (problem) throw new Error(pick(problem, lang));
    },
  };
}
