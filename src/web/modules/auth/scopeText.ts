import type { Me } from '../../../core/accounts/accounts.schemas';
import type { Translate } from '../../i18n/I18nContext';

/** One sentence saying which data the user works with (the server's scope rules, in words). */
export function scopeText(me: Me, t: Translate): string {
  switch (me.role) {
    case 'admin':
      return t('home.scopeAll');
    case 'leader':
      return t('home.scopeAllReadOnly');
    case 'inspector':
      return t('home.scopeInspector');
    case 'unit':
      return me.unitName ? t('home.scopeUnit', { unit: me.unitName }) : t('home.scopeNone');
    case 'town':
    case 'village':
      return me.regionName ? t('home.scopeRegion', { region: me.regionName }) : t('home.scopeNone');
  }
}
