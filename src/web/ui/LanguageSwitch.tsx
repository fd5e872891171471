import { Button } from 'antd';
import { useI18n } from '../i18n/useI18n';

/** One button that flips between 中文 and English (remembered for the next visit). */
export function LanguageSwitch({ type = 'text' }: { type?: 'text' | 'default' }) {
  const { lang, setLang, t } = useI18n();
  const handleClick = () => setLang(lang === 'zh' ? 'en' : 'zh');
  return (
    <Button
      type={type}
      onClick={handleClick}
      title={t('lang.switchTitle')}
      aria-label={t('lang.switchTitle')}
    >
      {t('lang.switchTo')}
    </Button>
  );
}
