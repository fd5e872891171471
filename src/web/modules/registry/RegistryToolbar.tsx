import { DownOutlined, ExportOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Dropdown, Form, Input, Modal, Typography } from 'antd';
import type { MenuProps } from 'antd';
import { useState } from 'react';
import { downloadUrl } from '../../api/registry';
import { useCurrentUser } from '../auth/useCurrentUser';
import type { HouseholdFilter } from '../households/householdQueries';
import { EconomicsImportModal } from './EconomicsImportModal';
import { LedgerImportModal } from './LedgerImportModal';
import { filterQuery } from './registryQuery';
import { useRt } from './text';

const EXPORT_PATH = '/api/households/export.xlsx';

/** Mirrors the server: who writes the registry, who may export full ID numbers (logged). */
const IMPORT_ROLES = new Set(['admin', 'town', 'village']);
const UNMASK_ROLES = new Set(['admin', 'town']);

/**
 * The list's registry tools: import the ledger, import the year's economics, export what the list
 * shows (ID numbers masked, or in full for the roles allowed, with a stated purpose).
 */
export function RegistryToolbar({
  filter,
  year,
}: {
  filter: HouseholdFilter;
  year: number | null | undefined;
}) {
  const rt = useRt();
  const me = useCurrentUser();
  const [dialog, setDialog] = useState<'ledger' | 'economics' | 'unmask' | null>(null);
  const [form] = Form.useForm<{ purpose: string }>();
  const query = filterQuery(filter, year);
  const canImport = IMPORT_ROLES.has(me.role);

  const exportItems: MenuProps['items'] = [
    { key: 'masked', label: <a href={downloadUrl(EXPORT_PATH, query)}>{rt('reg.exportMasked')}</a> },
    ...(UNMASK_ROLES.has(me.role)
      ? [{ key: 'full', label: rt('reg.exportFull'), onClick: () => setDialog('unmask') }]
      : []),
  ];
  const handleUnmask = async () => {
    const { purpose } = await form.validateFields();
    window.location.assign(downloadUrl(EXPORT_PATH, { ...query, unmask: 'true', purpose }));
    setDialog(null);
    form.resetFields();
  };

  return (
    <>
      {canImport ? (
        <>
          <Button icon={<ImportOutlined />} onClick={() => setDialog('ledger')}>
            {rt('reg.import')}
          </Button>
          <Button icon={<ImportOutlined />} onClick={() => setDialog('economics')}>
            {rt('reg.economics')}
          </Button>
        </>
      ) : null}
      <Dropdown menu={{ items: exportItems }} trigger={['click']}>
        <Button icon={<ExportOutlined />}>
          {rt('reg.export')} <DownOutlined />
        </Button>
      </Dropdown>
      <LedgerImportModal open={dialog === 'ledger'} onClose={() => setDialog(null)} />
      {dialog === 'economics' ? (
        <EconomicsImportModal
          open
          onClose={() => setDialog(null)}
          defaultYear={year ?? new Date().getFullYear() - 1}
          filters={query}
        />
      ) : null}
      <Modal
        open={dialog === 'unmask'}
        title={rt('reg.exportFullTitle')}
        okText={rt('reg.download')}
        onOk={() => void handleUnmask()}
        onCancel={() => setDialog(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>{rt('reg.exportFullHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="purpose"
            label={rt('reg.purpose')}
            rules={[{ required: true, whitespace: true, message: rt('reg.purposeRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
