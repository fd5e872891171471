import { revealActivityIdNumber } from '../../api/activities';
import { useI18n } from '../../i18n/useI18n';
import { RevealButton } from '../../ui/RevealButton';

/**
 * 查看完整身份证号 for the office: asks why (the server logs the view with the purpose) and shows the
 * number only inside the dialog (Privacy: masked unless role and purpose allow; every view logged).
 */
export function RevealIdButton({ activityId }: { activityId: number }) {
  const { t } = useI18n();
  return (
    <RevealButton
      text={{
        button: t('activities.revealId'),
        hint: t('activities.revealHint'),
        purpose: t('activities.revealPurpose'),
        purposeRule: t('activities.revealPurposeRule'),
        confirm: t('activities.revealConfirm'),
      }}
      reveal={(purpose) => revealActivityIdNumber(activityId, purpose).then((r) => r.idNumber)}
    />
  );
}
