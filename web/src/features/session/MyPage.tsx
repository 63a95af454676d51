import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { signInUrl, useMe } from '../../lib/auth';
import { commonTexts } from '../../lib/texts';
import { MyRegistrations } from '../events';
import { MyMessages } from '../messages';
import { MySavedSearches } from '../savedsearches';
import { NotificationSettings } from './NotificationSettings';
import { sessionTexts } from './texts';

/** The signed-in person: their roles, and joining an organisation with an invitation code. */
export default function MyPage() {
  const common = commonTexts();
  const text = sessionTexts();
  const { data: me, isPending, error } = useMe();
  const queryClient = useQueryClient();
  const [code, setCode] = useState('');
  const [joinError, setJoinError] = useState<unknown>();
  const [joined, setJoined] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmWord, setConfirmWord] = useState('');
  const [privacyError, setPrivacyError] = useState<unknown>();
  if (isPending) return <p>{common.loading}</p>;
  if (error) return <ProblemMessage error={error} />;
  if (!me) return <p>{text.notSignedIn} — <a href={signInUrl()}>{common.signIn}</a></p>;
  const join = async (e: FormEvent) => {
    e.preventDefault();
    setJoinError(undefined);
    setJoined(false);
    try {
      unwrap(await api.POST('/api/v1/invitations/{code}/acceptance', { params: { path: { code: code.trim() } } }));
      setJoined(true);
      setCode('');
      await queryClient.invalidateQueries({ queryKey: ['me'] });
    } catch (err) {
      setJoinError(err);
    }
  };
  const download = async () => {
    setPrivacyError(undefined);
    try {
      const data = unwrap(await api.GET('/api/v1/me/data'));
      const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = 'kyoso-my-data.json';
      document.body.appendChild(link);
      link.click();
      link.remove();
      URL.revokeObjectURL(url);
    } catch (err) {
      setPrivacyError(err);
    }
  };
  const deleteAccount = async (e: FormEvent) => {
    e.preventDefault();
    setPrivacyError(undefined);
    try {
      unwrap(await api.DELETE('/api/v1/me'));
      window.location.assign('/api/v1/auth/logout');
    } catch (err) {
      setPrivacyError(err);
    }
  };
  return (
    <>
      <h1>{me.name}</h1>
      <p className="muted">{me.email}</p>
      <h2>{text.myOrganizations}</h2>
      {me.organizations?.length ? (
        <ul>
          {me.organizations.map((o) => (
            <li key={o.organizationId}>
              <Link to={`/organizations/${o.organizationId}`}>{o.organizationName}</Link> <span className="muted">（{o.roleLabel}）</span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">{common.nothingFound}</p>}
      {me.staff && me.staff.length > 0 && (
        <>
          <h2>{text.myStaffRoles}</h2>
          <ul>
            {me.staff.map((s) => (
              <li key={s.municipalityCode}>
                <Link to={`/m/${s.municipalityCode}/staff`}>{s.municipalityName}</Link> <span className="muted">（{s.roleLabel}）</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <MyRegistrations />
      <MyMessages />
      <MySavedSearches />
      <NotificationSettings />
      <h2>{text.acceptInvitation}</h2>
      <form onSubmit={(e) => void join(e)}>
        <label htmlFor="invitation">{text.invitationCode}</label>
        <input id="invitation" value={code} onChange={(e) => setCode(e.target.value)} required autoComplete="off" />
        <p><button type="submit" disabled={!code.trim()}>{text.join}</button></p>
      </form>
      <ProblemMessage error={joinError} />
      {joined && <p className="notice" role="status">{text.joined}</p>}
      <h2>{text.myData}</h2>
      <p><button type="button" onClick={() => void download()}>{text.downloadMyData}</button></p>
      {!confirmDelete ? (
        <p><button type="button" onClick={() => setConfirmDelete(true)}>{text.deleteAccount}</button></p>
      ) : (
        <form onSubmit={(e) => void deleteAccount(e)}>
          <p>{text.deleteAccountWarning}</p>
          <label htmlFor="delete-confirm">{text.deleteAccountConfirmLabel}</label>
          <input id="delete-confirm" value={confirmWord} onChange={(e) => setConfirmWord(e.target.value)} autoComplete="off" />
          <p>
            <button type="submit" disabled={confirmWord.trim() !== '削除'}>{text.deleteAccountConfirm}</button>{' '}
            <button type="button" onClick={() => { setConfirmDelete(false); setConfirmWord(''); }}>{common.cancel}</button>
          </p>
        </form>
      )}
      <ProblemMessage error={privacyError} />
    </>
  );
}
