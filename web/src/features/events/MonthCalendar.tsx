import { Link } from 'react-router';
import { formatDayWithWeekday, formatMonth, formatTime } from '../../lib/format';
import type { Language } from '../../lib/i18n';
import { type Dated, eventsByDay, type Month, monthGrid, type WeekStart, weekdayOrder } from './calendar';
import { eventTexts } from './texts';

/** What a day of the calendar shows of an event. */
export interface CalendarEvent extends Dated {
  id: string;
  title: string;
  allDay?: boolean;
  status?: string;
}

/**
 * A month as a wall calendar: a table with a column per weekday (Sunday or Monday first), each
 * day listing its events in Japan time with a link to each. A screen reader hears each day's full
 * date; on a narrow phone a day shows how many events it has instead of their titles.
 */
export function MonthCalendar({ month, weekStart, events, today, language }: {
  month: Month;
  weekStart: WeekStart;
  events: readonly CalendarEvent[];
  /** Today in Japan (2025-06-14), marked as the current date. */
  today: string;
  language: Language;
}) {
  const text = eventTexts(language);
  const byDay = eventsByDay(events);
  const weeks = monthGrid(month, weekStart);
  return (
    <div className="table-wrap">
      <table className="month-calendar">
        <caption>{formatMonth(month.year, month.month, language)}</caption>
        <thead>
          <tr>
            {weekdayOrder(weekStart).map((w) => (
              <th key={w} scope="col" className={weekdayClass(w)}>
                <span aria-hidden="true">{text.weekday(w)}</span>
                <span className="visually-hidden">{text.weekdayLong(w)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((d) => {
                const dayEvents = byDay.get(d.date) ?? [];
                const classes = [weekdayClass(d.weekday), d.inMonth ? '' : 'other-month', dayEvents.length ? 'has-events' : '']
                  .filter(Boolean)
                  .join(' ');
                return (
                  <td key={d.date} className={classes} aria-current={d.date === today ? 'date' : undefined} data-date={d.date}>
                    <span className="day-number" aria-hidden="true">{d.day}</span>
                    <span className="visually-hidden">{formatDayWithWeekday(d.date, language)}</span>
                    {dayEvents.length > 0 && (
                      <>
                        <span className="day-count" aria-hidden="true">{text.eventCount(dayEvents.length)}</span>
                        <ul>
                          {dayEvents.map((e) => (
                            <li key={e.id} className={e.status === 'CANCELLED' ? 'cancelled' : undefined}>
                              <Link to={`/events/${e.id}`}>
                                {!e.allDay && <><span className="time">{formatTime(e.startsAt)}</span>{' '}</>}
                                {e.title}
                                {e.status === 'CANCELLED' && <> ({text.cancelledShort})</>}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const weekdayClass = (weekday: number) => (weekday === 0 ? 'sunday' : weekday === 6 ? 'saturday' : '');
