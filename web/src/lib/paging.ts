import { formatCount } from './format';
import type { Language } from './i18n';
import { commonTexts } from './texts';

/** What a page of a list says about the whole (the API's envelope). */
type Counted = { total?: number; totalExact?: boolean; size?: number; items?: readonly unknown[] };

/** "12 件", or "1,000 件以上" when the search stopped counting (totalExact false). */
export function resultCount(page: Counted | undefined, language?: Language): string {
  const common = commonTexts(language);
  return `${formatCount(page?.total ?? 0)} ${page?.totalExact === false ? common.resultsAtLeast : common.results}`;
}

/** Whether another page follows page `index` (from 0): by the total, or, past a count that stopped, by a full page. */
export function hasNextPage(page: Counted | undefined, index: number): boolean {
  if (!page) return false;
  const size = page.size ?? 20;
  if (page.totalExact === false) return (page.items?.length ?? 0) >= size;
  return (page.total ?? 0) > (index + 1) * size;
}

/** The number of pages the total covers ("50+" when counting stopped and more may follow). */
export function pageCount(page: Counted | undefined): string {
  const pages = Math.max(1, Math.ceil((page?.total ?? 0) / (page?.size ?? 20)));
  return page?.totalExact === false ? `${formatCount(pages)}+` : formatCount(pages);
}
