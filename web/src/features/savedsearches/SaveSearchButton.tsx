import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { signInUrl, useMe } from '../../lib/auth';
import { savedSearchTexts } from './texts';

type Criteria = Omit<Schemas['SavedSearchWrite'], 'name'>;

/** Saves the search a page shows, so that new matching items arrive in the inbox. */
export function SaveSearchButton({ criteria }: { criteria: Criteria }) {
  const text = savedSearchTexts();
  const { data: me } = useMe();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);
  if (me === undefined) return null;
  if (me === null) return <p className="muted"><a href={signInUrl()}>{text.signInToSave}</a></p>;
  const save = async () => {
    setError(undefined);
    setSaved(false);
    try {
      unwrap(await api.POST('/api/v1/me/saved-searches', { body: criteria }));
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['saved-searches'] });
    } catch (err) {
      setError(err);
    }
  };
  return (
    <div className="save-search">
      <button type="button" onClick={() => void save()}>{text.save}</button>
      <p aria-live="polite" className="muted">{saved ? text.saved : ''}</p>
      <ProblemMessage error={error} />
    </div>
  );
}
