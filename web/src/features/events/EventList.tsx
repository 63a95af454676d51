import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, type Schemas, unwrap } from '../../api/client';
import { ProblemMessage } from '../../components/Problem';
import { isStaffOf, useMe } from '../../lib/auth';
import { currentLanguage } from '../../lib/i18n';
import { useMunicipality } from '../../lib/municipality';
import { hasNextPage, resultCount } from '../../lib/paging';
import { commonTexts } from '../../lib/texts';
import { SaveSearchButton } from '../savedsearches';
import { useAreas, useThemes } from '../../lib/vocabulary';
import { monthGrid, monthKey, monthOf, parseMonth, shiftMonth, todayInJapan, type WeekStart, weekOf } from './calendar';
import { EventCard } from './EventCard';
import { eventKinds, type EventSearch, searchQuery } from './eventSearch';
import { formatEventWhen, japanDayEnd, japanDayStart } from './eventTime';
import { MonthCalendar } from './MonthCalendar';
import { eventTexts } from './texts';

const PAGE_SIZE = 20;
const WEEK_START_KEY = 'kyoso.weekStart';

function savedWeekStart(): WeekStart {
  try {
    return localStorage.getItem(WEEK_START_KEY) === 'mon' ? 'mon' : 'sun';
  } catch {
    return 'sun';
  }
}

/**
 * A municipality's events: the list or the month calendar, with filters (keyword, kind, theme,
 * area, from, to) and "this week", all kept in the URL so a search can be shared; the same
 * search as a calendar feed to subscribe to and as open data.
 */
export default function EventList() {
  const common = commonTexts();
  const text = eventTexts();
  const language = currentLanguage();
  const code = useParams().code!;
  const municipality = useMunicipality(code);
  const themes = useThemes();
  const areas = useAreas(code);
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const criteria: EventSearch = {
    q: params.get('q') ?? '',
    kind: params.get('kind') ?? '',
    theme: params.get('theme') ?? '',
    area: params.get('area') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const [draft, setDraft] = useState(criteria);
  const view = params.get('view') === 'month' ? 'month' : 'list';
  const today = todayInJapan();
  const month = parseMonth(params.get('month')) ?? monthOf(criteria.from || today);
  const [weekStart, setWeekStart] = useState<WeekStart>(savedWeekStart);
  const page = Number(params.get('page') ?? '0');

  // The calendar shows whole weeks: it asks for every day on the grid.
  const grid = monthGrid(month, weekStart);
  const range = view === 'month'
    ? { from: grid[0]![0]!.date, to: grid.at(-1)!.at(-1)!.date }
    : { from: criteria.from, to: criteria.to };
  const query = searchQuery({ ...criteria, ...range });
  const result = useQuery({
    queryKey: ['events', code, query, view === 'month' ? 0 : page],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/municipalities/{code}/events', {
        params: {
          path: { code },
          query: {
            ...query,
            from: query.from ? japanDayStart(query.from) : undefined,
            to: query.to ? japanDayEnd(query.to) : undefined,
            page: view === 'month' ? 0 : page,
            size: view === 'month' ? 100 : PAGE_SIZE,
          },
        },
      })),
  });

  const apply = (next: EventSearch, extra: Record<string, string> = {}) => {
    const p = new URLSearchParams();
    Object.entries({ ...next, ...extra }).forEach(([k, v]) => v && p.set(k, v));
    if (view === 'month') p.set('view', 'month');
    setDraft(next);
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(draft);
  };
  const thisWeek = () => apply({ ...draft, ...weekOf(today, weekStart) });
  const setView = (v: 'list' | 'month') => {
    const p = new URLSearchParams(params);
    p.delete('page');
    if (v === 'month') p.set('view', 'month');
    else p.delete('view');
    return `?${p.toString()}`;
  };
  const goToMonth = (m: typeof month) => {
    const p = new URLSearchParams(params);
    p.set('month', monthKey(m));
    setParams(p);
  };
  const goToPage = (n: number) => {
    const p = new URLSearchParams(params);
    p.set('page', String(n));
    setParams(p);
  };
  const chooseWeekStart = (w: WeekStart) => {
    setWeekStart(w);
    try {
      localStorage.setItem(WEEK_START_KEY, w);
    } catch {
      /* private browsing: the choice lasts this page only */
    }
  };
  const feed = new URLSearchParams(Object.entries(searchQuery(criteria)).filter((e): e is [string, string] => !!e[1]));
  const canCreate = !!me && (isStaffOf(me, code) || me.organizations.some((o) => o.municipalityCode === code && o.organizationStatus === 'ACTIVE'));
  const total = result.data?.total ?? 0;
  const events = result.data?.items ?? [];

  return (
    <>
      <h1>{municipality.data?.name} {text.events}</h1>
      <p>
        {canCreate && <><Link className="button" to={`/m/${code}/events/new`}>{text.newEvent}</Link>{' '}</>}
        <Link to={`/m/${code}/participation`}>{text.participation}</Link>
      </p>
      <form role="search" className="filters" onSubmit={submit}>
        <div>
          <label htmlFor="q">{common.keyword}</label>
          <input id="q" type="search" value={draft.q} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
        </div>
        <div>
          <label htmlFor="kind">{text.kind}</label>
          <select id="kind" value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value })}>
            <option value="">{common.all}</option>
            {eventKinds.map((k) => <option key={k} value={k}>{text.kinds[k]}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="theme">{text.theme}</label>
          <select id="theme" value={draft.theme} onChange={(e) => setDraft({ ...draft, theme: e.target.value })}>
            <option value="">{common.all}</option>
            {themes.data?.items.map((t) => <option key={t.code} value={t.code}>{t.label}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="area">{text.area}</label>
          <select id="area" value={draft.area} onChange={(e) => setDraft({ ...draft, area: e.target.value })}>
            <option value="">{common.all}</option>
            {areas.data?.items.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="from">{text.from}</label>
          <input id="from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div>
          <label htmlFor="to">{text.to}</label>
          <input id="to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <div><button type="submit">{common.search}</button></div>
        <div><button type="button" className="secondary" onClick={thisWeek}>{text.thisWeek}</button></div>
        <div>
          <button type="button" className="link" onClick={() => apply({ q: '', kind: '', theme: '', area: '', from: '', to: '' })}>{text.clear}</button>
        </div>
      </form>
      <SaveSearchButton criteria={{
        target: 'EVENT', municipalityCode: code, q: criteria.q || undefined, kind: criteria.kind || undefined,
        theme: (criteria.theme || undefined) as Schemas['Theme'] | undefined, areaId: criteria.area || undefined,
      }} />

      {me && <EventsToClose code={code} />}

      <nav className="view-switch" aria-label={text.view}>
        <Link to={setView('list')} aria-current={view === 'list' ? 'page' : undefined}>{text.list}</Link>
        <Link to={setView('month')} aria-current={view === 'month' ? 'page' : undefined}>{text.calendar}</Link>
      </nav>
      <ProblemMessage error={result.error} />

      {view === 'month' ? (
        <>
          <div className="view-switch">
            <button type="button" className="secondary" onClick={() => goToMonth(shiftMonth(month, -1))}>{text.previousMonth}</button>
            <button type="button" className="secondary" onClick={() => goToMonth(monthOf(today))}>{text.thisMonth}</button>
            <button type="button" className="secondary" onClick={() => goToMonth(shiftMonth(month, 1))}>{text.nextMonth}</button>
            <label className="inline" htmlFor="week-start">{text.weekStart}</label>
            <select id="week-start" className="status" value={weekStart} onChange={(e) => chooseWeekStart(e.target.value as WeekStart)}>
              <option value="sun">{text.weekStarts.sun}</option>
              <option value="mon">{text.weekStarts.mon}</option>
            </select>
          </div>
          <p aria-live="polite" className="muted">{result.isPending ? common.loading : resultCount(result.data)}</p>
          <MonthCalendar month={month} weekStart={weekStart} events={events} today={today} language={language} />
        </>
      ) : (
        <>
          <p aria-live="polite" className="muted">
            {result.isPending ? common.loading : total === 0 ? text.noEvents : resultCount(result.data)}
          </p>
          <ul className="cards">{events.map((e) => <EventCard key={e.id} event={e} />)}</ul>
          {(page > 0 || hasNextPage(result.data, page)) && (
            <nav className="pager" aria-label={common.pages}>
              {page > 0 && <button type="button" className="secondary" onClick={() => goToPage(page - 1)}>{common.previous}</button>}
              {hasNextPage(result.data, page) && <button type="button" className="secondary" onClick={() => goToPage(page + 1)}>{common.next}</button>}
            </nav>
          )}
        </>
      )}
      <p>
        <a href={`/api/v1/municipalities/${code}/events.ics${feed.size ? `?${feed.toString()}` : ''}`}>{text.subscribe}</a>
        {' ・ '}
        <a href={`/api/v1/municipalities/${code}/events.csv`}>{text.openData}</a>
      </p>
    </>
  );
}

/** For organisers: their events that ended but wait for the closing report. */
function EventsToClose({ code }: { code: string }) {
  const text = eventTexts();
  const waiting = useQuery({
    queryKey: ['events', 'to-close'],
    queryFn: async () => unwrap(await api.GET('/api/v1/me/events-to-close', { params: { query: { size: 50 } } })),
  });
  const here = (waiting.data?.items ?? []).filter((e) => e.municipalityCode === code);
  if (here.length === 0) return null;
  return (
    <section className="notice" aria-labelledby="to-close-heading">
      <h2 id="to-close-heading">{text.endedNotClosed}</h2>
      <ul>
        {here.map((e) => (
          <li key={e.id}>
            <Link to={`/events/${e.id}`}>{e.title}</Link>{' '}
            <span className="muted">{formatEventWhen(e, currentLanguage())}</span>{' '}
            <Link to={`/events/${e.id}/close`}>{text.closeEvent}<span className="visually-hidden">: {e.title}</span></Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
