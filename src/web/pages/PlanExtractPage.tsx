import { Result } from 'antd';
import { useI18n } from '../i18n/useI18n';
import { useCurrentUser } from '../modules/auth/useCurrentUser';
import { PlanExtractor } from '../modules/plans/PlanExtractor';

/** Only the office sets up a year's plan (the server refuses others too). */
export function PlanExtractPage() {
  const me = useCurrentUser();
  const { t } = useI18n();
  if (me.role !== 'admin') return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
  return <PlanExtractor />;
}
