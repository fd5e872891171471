import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Typography, Upload } from 'antd';
import type { UploadProps } from 'antd';
import { useState, type ChangeEvent } from 'react';
import type { RegionTree } from '../../../core/region/region.schemas';
import { ApiError, errorMessage } from '../../api/ApiError';
import { importRegions } from '../../api/regions';
import { useI18n } from '../../i18n/useI18n';
import { ImportProblemTable } from './ImportProblemTable';
import { decodeCsv, toImportProblems } from './importProblems';
import { allRegionsKey } from './regionQueries';

interface RegionImportModalProps {
  open: boolean;
  tree: RegionTree;
  treeLabel: string;
  onClose: () => void;
}

/** CSV import, all or nothing; a refusal lists every problem by row and column. */
export function RegionImportModal({ open, tree, treeLabel, onClose }: RegionImportModalProps) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [csv, setCsv] = useState('');
  const [fileName, setFileName] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: () => importRegions({ tree, csv }),
    onSuccess: async (result) => {
      void message.success(t('regions.importDone', { ...result }));
      await queryClient.invalidateQueries({ queryKey: allRegionsKey });
      handleClose();
    },
  });

  function handleClose() {
    setCsv('');
    setFileName(null);
    mutation.reset();
    onClose();
  }

  const handleBeforeUpload: UploadProps['beforeUpload'] = async (file) => {
    setCsv(decodeCsv(await file.arrayBuffer()));
    setFileName(file.name);
    mutation.reset();
    return Upload.LIST_IGNORE;
  };
  const handlePaste = (event: ChangeEvent<HTMLTextAreaElement>) => {
    setCsv(event.target.value);
    setFileName(null);
  };
  const handleOk = () => {
    if (!csv.trim()) {
      void message.warning(t('regions.importEmpty'));
      return;
    }
    mutation.mutate();
  };

  const error = mutation.error;
  const problems = error instanceof ApiError ? toImportProblems(error.details) : [];

  return (
    <Modal
      open={open}
      title={t('regions.importTitle', { tree: treeLabel })}
      okText={t('regions.importRun')}
      cancelText={t('app.cancel')}
      onOk={handleOk}
      onCancel={handleClose}
      confirmLoading={mutation.isPending}
      width={720}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('regions.importHelp')}</Typography.Paragraph>
      <Upload accept=".csv,text/csv" beforeUpload={handleBeforeUpload} showUploadList={false} maxCount={1}>
        <Button icon={<UploadOutlined />}>{t('regions.importPick')}</Button>
      </Upload>
      {fileName ? (
        <Typography.Text style={{ marginInlineStart: 8 }}>
          {t('regions.importFile', { name: fileName })}
        </Typography.Text>
      ) : null}
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 4px' }}>
        {t('regions.importPaste')}
      </Typography.Paragraph>
      <Input.TextArea
        value={csv}
        onChange={handlePaste}
        rows={6}
        placeholder={'区划代码,名称\n349901001001,示例社区'}
        style={{ fontFamily: 'monospace' }}
        aria-label={t('regions.importPaste')}
      />
      {error ? (
        <div style={{ marginTop: 16 }}>
          <Alert
            type="error"
            showIcon
            title={errorMessage(error, lang)}
            description={problems.length ? t('regions.importErrors') : undefined}
            style={{ marginBottom: 8 }}
          />
          {problems.length ? <ImportProblemTable problems={problems} /> : null}
        </div>
      ) : null}
    </Modal>
  );
}
