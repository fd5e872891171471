import { Button, Flex } from 'antd';
import { useRt } from './text';
import type { AnyImportJob, ImportJobState } from './useImportJob';

/** The import dialogs' buttons: close; validate until imported; import once the file validated. */
export function ImportActions({ job }: { job: ImportJobState<AnyImportJob> }) {
  const { file, running, importing, validated, imported, close, start } = job;
  const rt = useRt();
  return (
    <Flex gap={8} justify="flex-end" wrap>
      <Button onClick={close} disabled={running}>
        {rt('reg.close')}
      </Button>
      {!imported ? (
        <Button onClick={() => start(true)} disabled={!file || running} loading={running && !validated}>
          {rt('reg.validate')}
        </Button>
      ) : null}
      {validated || importing ? (
        <Button type="primary" onClick={() => start(false)} disabled={running} loading={running}>
          {rt('reg.run')}
        </Button>
      ) : null}
    </Flex>
  );
}
