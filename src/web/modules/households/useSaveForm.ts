import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/ApiError';
import { useI18n } from '../../i18n/useI18n';
import { apiErrorProblems, setFieldProblems, type FieldProblem } from '../../ui/formErrors';
import { toFieldProblems, type FormProblem } from './formProblems';
import { useHt } from './text';

type Resolve = (name: (string | number)[]) => (string | number)[] | null;

/**
 * The household drawers' error handling: problems found in the browser and the server's located 400
 * details land on the fields they name; what finds no field is listed under the form.
 */
export function useSaveForm(form: FormInstance, resolve: Resolve = (n) => n) {
  const { lang } = useI18n();
  const ht = useHt();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [unplaced, setUnplaced] = useState<string[]>([]);
  const show = (problems: FieldProblem[]) => {
    const left = setFieldProblems(form, problems, resolve);
    setUnplaced(left.map((p) => p.message));
  };
  return {
    unplaced,
    clear: () => setUnplaced([]),
    /** Browser-side problems: marks the fields, says so, and the request is not sent. */
    refuse: (problems: readonly FormProblem[]) => {
      show(toFieldProblems(problems, lang));
      void message.error(ht('hh.fixFields'));
    },
    /** A failed request: located details on their fields, the error's own message as a toast. */
    fail: (error: unknown) => {
      show(apiErrorProblems(error, lang));
      void message.error(errorMessage(error, lang));
    },
    /** After a save: refresh what it moved and say so. */
    done: async (text: string, keys: readonly QueryKey[]) => {
      void message.success(text);
      await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  };
}
