import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { isStaffOf, signInUrl, useMe } from '../lib/auth';
import type { Language } from '../lib/i18n';
import { commonTexts } from '../lib/texts';

export function Layout({ children, language, onSwitchLanguage }: {
  children: ReactNode;
  language: Language;
  onSwitchLanguage: () => void;
}) {
  const common = commonTexts(language);
  const { data: me } = useMe();
  const location = useLocation();
  const code = /^\/m\/(\d{6})/.exec(location.pathname)?.[1];
  const isStaff = isStaffOf(me, code);
  return (
    <>
      <a className="skip" href="#content">{common.skipToContent}</a>
      <header className="site">
        <div className="bar">
          <Link className="brand" to="/">{common.appName}</Link>
          <nav aria-label={common.mainMenu}>
            <ul>
              {code && <li><Link to={`/m/${code}/listings`}>{common.listings}</Link></li>}
              {code && <li><Link to={`/m/${code}/events`}>{common.events}</Link></li>}
              {code && <li><Link to={`/m/${code}/projects`}>{common.projects}</Link></li>}
              {code && <li><Link to={`/m/${code}/organizations`}>{common.organizations}</Link></li>}
              {code && <li><Link to={`/m/${code}/plans`}>{common.plans}</Link></li>}
              {code && <li><Link to={`/m/${code}/indicators`}>{common.indicators}</Link></li>}
              {code && <li><Link to={`/m/${code}/areas`}>{common.areas}</Link></li>}
              {isStaff && <li><Link to={`/m/${code}/staff`}>{common.staffConsole}</Link></li>}
              {me && <li><Link to="/me/notifications">{common.inbox}</Link></li>}
              {me && <li><Link to="/me">{common.myPage}</Link></li>}
              <li>
                <button type="button" className="link" onClick={onSwitchLanguage} lang={language === 'ja' ? 'en' : 'ja'}>
                  {common.language}
                </button>
              </li>
              <li>
                {me ? (
                  <a href="/api/v1/auth/logout">{common.signOut}</a>
                ) : (
                  <a href={signInUrl(location.pathname + location.search)}>{common.signIn}</a>
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
