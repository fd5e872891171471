import { useI18n } from '../i18n/useI18n';
import { ProgressDashboard } from '../modules/progress/ProgressDashboard';
import { PageHeader } from '../ui/PageHeader';

export function ProgressPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('progress.title')} />
      <ProgressDashboard />
    </>
  );
}
