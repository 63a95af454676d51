import { describe, expect, it } from 'vitest';
import { hasNextPage, pageCount, resultCount } from './paging';

describe('paging', () => {
  const counted = { total: 45, totalExact: true, size: 20, items: new Array(20).fill(0) };
  const stopped = { total: 1000, totalExact: false, size: 20, items: new Array(20).fill(0) };

  it('says how many results, and "or more" when the search stopped counting', () => {
    expect(resultCount(counted, 'ja')).toBe('45 件');
    expect(resultCount(stopped, 'ja')).toBe('1,000 件以上');
    expect(resultCount(stopped, 'en')).toBe('1,000 or more results');
  });

  it('offers the next page by the total, and past a stopped count while pages are full', () => {
    expect(hasNextPage(counted, 1)).toBe(true);
    expect(hasNextPage(counted, 2)).toBe(false);
    expect(hasNextPage({ ...stopped }, 600)).toBe(true);
    expect(hasNextPage({ ...stopped, items: [1, 2] }, 600)).toBe(false);
    expect(hasNextPage(undefined, 0)).toBe(false);
  });

  it('counts pages, open-ended when counting stopped', () => {
    expect(pageCount(counted)).toBe('3');
    expect(pageCount(stopped)).toBe('50+');
  });
});
