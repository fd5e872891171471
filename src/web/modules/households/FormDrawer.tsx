import { Alert, Button, Drawer, Flex } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/useI18n';
import { useIsNarrow } from '../../ui/useIsNarrow';
import { useHt } from './text';

interface FormDrawerProps {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  onSave: () => void;
  saving: boolean;
  /** Problems that found no field (shown under the form). */
  unplaced: readonly string[];
  children: ReactNode;
}

/** The household page's drawers: full width on a phone, Save/Cancel in the footer within thumb reach. */
export function FormDrawer({ open, title, onClose, onSave, saving, unplaced, children }: FormDrawerProps) {
  const { t } = useI18n();
  const ht = useHt();
  const narrow = useIsNarrow();
  return (
    <Drawer
      open={open}
      title={title}
      onClose={onClose}
      size={narrow ? '100%' : 600}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="primary" onClick={onSave} loading={saving}>
            {t('app.save')}
          </Button>
        </Flex>
      }
    >
      {children}
      {unplaced.length ? (
        <Alert type="error" showIcon title={ht('hh.fixFields')} description={unplaced.join('；')} />
      ) : null}
    </Drawer>
  );
}
