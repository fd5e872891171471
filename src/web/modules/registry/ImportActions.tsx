import { Button, Flex } from 'antd';
import { useRt } from './text';

interface ImportActionsProps {
  /** A file is picked. */
  canStart: boolean;
  running: boolean;
  /** The running job is the import itself (not its validation). */
  importing: boolean;
  validated: boolean;
  imported: boolean;
  onClose: () => void;
  onStart: (dryRun: boolean) => void;
}

/** The import dialogs' buttons: close; validate until imported; import once the file validated. */
export function ImportActions(props: ImportActionsProps) {
  const { canStart, running, importing, validated, imported, onClose, onStart } = props;
  const rt = useRt();
  return (
    <Flex gap={8} justify="flex-end" wrap>
      <Button onClick={onClose} disabled={running}>
        {rt('reg.close')}
      </Button>
      {!imported ? (
        <Button onClick={() => onStart(true)} disabled={!canStart || running} loading={running && !validated}>
          {rt('reg.validate')}
        </Button>
      ) : null}
      {validated || importing ? (
        <Button type="primary" onClick={() => onStart(false)} disabled={running} loading={running}>
          {rt('reg.run')}
        </Button>
      ) : null}
    </Flex>
  );
}
