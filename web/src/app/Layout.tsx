import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { signInUrl, useMe } from '../features/session/useMe';
import { t, type Language } from '../lib/i18n';
import { tx } from '../features/projects/texts';

export function Layout({ children, language, onSwitchLanguage }: {
  children: ReactNode;
  language: Language;
  onSwitchLanguage: () => void;
}) {
  const { data: me } = useMe();
  const location = useLocation();
  const code = /^\/m\/(\d{6})/.exec(location.pathname)?.[1];
  const isStaff = !!code && (me?.admin || me?.staff?.some((s) => s.municipalityCode === code));
  return (
    <>
      <a className="skip" href="#content">{t('skipToContent', language)}</a>
      <header className="site">
        <div className="bar">
          <Link className="brand" to="/">{t('appName', language)}</Link>
          <nav aria-label={language === 'en' ? 'Main' : 'メインメニュー'}>
            <ul>
              {code && <li><Link to={`/m/${code}/listings`}>{t('listings', language)}</Link></li>}
              {code && <li><Link to={`/m/${code}/projects`}>{tx('projects', language)}</Link></li>}
              {code && <li><Link to={`/m/${code}/organizations`}>{t('organizations', language)}</Link></li>}
              {code && <li><Link to={`/m/${code}/plans`}>{t('plans', language)}</Link></li>}
              {code && <li><Link to={`/m/${code}/indicators`}>{t('indicators', language)}</Link></li>}
              {code && <li><Link to={`/m/${code}/areas`}>{t('areas', language)}</Link></li>}
              {isStaff && <li><Link to={`/m/${code}/staff`}>{t('staffConsole', language)}</Link></li>}
              {me && <li><Link to="/me/notifications">{t('inbox', language)}</Link></li>}
              {me && <li><Link to="/me">{t('myPage', language)}</Link></li>}
              <li>
                <button type="button" className="link" onClick={onSwitchLanguage} lang={language === 'ja' ? 'en' : 'ja'}>
                  {t('language', language)}
                </button>
              </li>
              <li>
                {me ? (
                  <a href="/api/v1/auth/logout">{t('signOut', language)}</a>
                ) : (
                  <a href={signInUrl(location.pathname + location.search)}>{t('signIn', language)}</a>
                )}
              </li>
            </ul>
          </nav>
        </div>
      </header>
      <main id="content" tabIndex={-1}>{children}</main>
    </>
  );
}
