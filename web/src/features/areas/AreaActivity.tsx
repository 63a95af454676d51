import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemMessage } from '../../components/Problem';
import { formatCount, formatPercent } from '../../lib/format';
import { activityTexts } from './activityTexts';

type Count = components['schemas']['ActivityCount'];

/** Links a list of counts to the filtered list each value opens. */
function CountTable({ caption, column, counts, link }: {
  caption: string; column: string; counts: Count[]; link?: (value: string) => string;
}) {
  const text = activityTexts();
  const shown = counts.filter((c) => c.count > 0);
  if (shown.length === 0) return <p className="muted">{caption}: 0</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption>{caption}</caption>
        <thead><tr><th scope="col">{column}</th><th scope="col" className="num">{text.count}</th></tr></thead>
        <tbody>
          {shown.map((c) => (
            <tr key={c.value}>
              <th scope="row">{c.label}</th>
              <td className="num">{link ? <Link to={link(c.value)}>{formatCount(c.count)}</Link> : formatCount(c.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Fiscal year 2024 as the event list's from/to filter: 2024-04-01 to 2025-03-31. */
function fiscalYearRange(fy: number): string {
  return `from=${fy}-04-01&to=${fy + 1}-03-31`;
}

/**
 * Kyoso's own activity in an area (地域カルテ): organisations by type and bond, open haves and
 * needs by category, projects by stage, events per fiscal year (the participation funnel's
 * figures) and the plans for the area; each figure opens its filtered list.
 */
export function AreaActivity({ code, areaId }: { code: string; areaId: string }) {
  const text = activityTexts();
  const activity = useQuery({
    queryKey: ['area-activity', areaId],
    queryFn: async () => unwrap(await api.GET('/api/v1/areas/{id}/activity', { params: { path: { id: areaId } } })),
  });
  if (activity.error) return <ProblemMessage error={activity.error} />;
  if (!activity.data) return null;
  const a = activity.data;
  const area = `area=${areaId}`;
  return (
    <section className="print-block" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{text.heading}</h2>
      <p className="muted">{text.intro(a.subAreas)}</p>

      <h3>{text.organizations}</h3>
      <p><Link to={`/m/${code}/organizations?${area}`}>{text.allOrganizations(formatCount(a.organizations))}</Link></p>
      <CountTable caption={`${text.organizations}: ${text.byType}`} column={text.byType} counts={a.organizationsByType}
        link={(v) => `/m/${code}/organizations?${area}&type=${v}`} />
      <CountTable caption={`${text.organizations}: ${text.byBond}`} column={text.byBond} counts={a.organizationsByBond} />

      <h3>{text.haves} {formatCount(a.haves.total)}</h3>
      <CountTable caption={text.haves} column={text.category} counts={a.haves.byCategory}
        link={(v) => `/m/${code}/listings?${area}&kind=HAVE&category=${v}`} />
      <h3>{text.needs} {formatCount(a.needs.total)}</h3>
      <CountTable caption={text.needs} column={text.category} counts={a.needs.byCategory}
        link={(v) => `/m/${code}/listings?${area}&kind=NEED&category=${v}`} />

      <h3>{text.projects} {formatCount(a.projects)}</h3>
      <CountTable caption={text.projects} column={text.stage} counts={a.projectsByStage}
        link={(v) => `/m/${code}/projects?${area}&stage=${v}`} />

      <h3>{text.events}</h3>
      {a.events.length === 0 ? <p>{text.noEvents}</p> : (
        <div className="table-wrap">
          <table>
            <caption>{text.events}</caption>
            <thead>
              <tr>
                <th scope="col">{text.fiscalYear}</th><th scope="col" className="num">{text.eventsHeld}</th>
                <th scope="col" className="num">{text.registrations}</th><th scope="col" className="num">{text.attendees}</th>
                <th scope="col" className="num">{text.headcount}</th>
              </tr>
            </thead>
            <tbody>
              {a.events.map((y) => (
                <tr key={y.fiscalYear}>
                  <th scope="row">{y.fiscalYearLabel}</th>
                  <td className="num"><Link to={`/m/${code}/events?${area}&${fiscalYearRange(y.fiscalYear)}`}>{formatCount(y.eventsHeld)}</Link></td>
                  <td className="num">{formatCount(y.registrations)}</td>
                  <td className="num"><Link to={`/m/${code}/participation?${area}`}>{formatCount(y.attendees)}</Link></td>
                  <td className="num">{formatCount(y.headcount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="no-print"><Link to={`/m/${code}/participation?${area}`}>{text.participation}</Link></p>

      <h3>{text.plans}</h3>
      {a.plans.length === 0 ? <p>{text.noPlans}</p> : (
        <div className="table-wrap">
          <table>
            <caption>{text.plans}</caption>
            <thead>
              <tr>
                <th scope="col">{text.plan}</th><th scope="col">{text.area}</th><th scope="col">{text.fiscalYear}</th>
                <th scope="col" className="num">{text.items}</th><th scope="col" className="num">{text.done}</th>
              </tr>
            </thead>
            <tbody>
              {a.plans.map((p) => (
                <tr key={p.planId}>
                  <th scope="row"><Link to={`/plans/${p.planId}`}>{p.title}</Link></th>
                  <td>{p.areaName}</td>
                  <td>{p.fiscalYearLabel}</td>
                  <td className="num">{formatCount(p.progress.total)}</td>
                  <td className="num">{formatPercent(p.progress.percents.DONE)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
