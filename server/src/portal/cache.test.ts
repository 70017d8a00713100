import { describe, expect, it } from 'vitest';
import { PageCache, type RenderedPage, renderedPage } from './cache.js';

function counting() {
  const calls = { n: 0 };
  const render = async () => {
    calls.n++;
    return renderedPage(200, `page ${calls.n}`);
  };
  return { calls, render };
}

const text = (page: RenderedPage) => page.body.toString();

function clock(start = 1_000) {
  const time = { now: start };
  return { time, now: () => time.now };
}

describe('the page cache', () => {
  it('gives concurrent and later readers one rendering while it is fresh', async () => {
    const { time, now } = clock();
    const cache = new PageCache({ ttlMs: 5_000, staleMs: 30_000, maxEntries: 10 }, now);
    const { calls, render } = counting();
    const [a, b] = await Promise.all([cache.get('/p/x', render), cache.get('/p/x', render)]);
    expect(calls.n).toBe(1);
    expect(a).toBe(b);
    time.now += 4_999;
    expect(await cache.get('/p/x', render)).toBe(a);
    expect(calls.n).toBe(1);
  });

  it('once expired, serves the last page while one new rendering runs, then the new page', async () => {
    const { time, now } = clock();
    const cache = new PageCache({ ttlMs: 5_000, staleMs: 30_000, maxEntries: 10 }, now);
    const { calls, render } = counting();
    await cache.get('/p/x', render);
    time.now += 5_000;
    const [stale, alsoStale] = await Promise.all([
      cache.get('/p/x', render),
      cache.get('/p/x', render),
    ]);
    expect([text(stale), text(alsoStale)]).toEqual(['page 1', 'page 1']);
    expect(calls.n).toBe(2);
    await Promise.resolve();
    expect(text(await cache.get('/p/x', render))).toBe('page 2');
    expect(calls.n).toBe(2);
  });

  it('waits for a new rendering when the last page is too old', async () => {
    const { time, now } = clock();
    const cache = new PageCache({ ttlMs: 5_000, staleMs: 30_000, maxEntries: 10 }, now);
    const { calls, render } = counting();
    await cache.get('/p/x', render);
    time.now += 35_000;
    expect(text(await cache.get('/p/x', render))).toBe('page 2');
    expect(calls.n).toBe(2);
  });

  it('keeps pages apart by key', async () => {
    const cache = new PageCache({ ttlMs: 5_000, staleMs: 0, maxEntries: 10 });
    const fr = await cache.get('fr /p/x', async () => renderedPage(200, 'bonjour'));
    const en = await cache.get('en /p/x', async () => renderedPage(200, 'hello'));
    expect([text(fr), text(en)]).toEqual(['bonjour', 'hello']);
    expect(fr.etag).not.toBe(en.etag);
  });

  it('does not keep a failed rendering, and keeps the last good page when a refresh fails', async () => {
    const { time, now } = clock();
    const cache = new PageCache({ ttlMs: 5_000, staleMs: 30_000, maxEntries: 10 }, now);
    const failing = async (): Promise<RenderedPage> => {
      throw new Error('database down');
    };
    await expect(cache.get('/p/x', failing)).rejects.toThrow('database down');
    expect(cache.size).toBe(0);
    await cache.get('/p/x', async () => renderedPage(200, 'ok'));
    time.now += 6_000;
    expect(text(await cache.get('/p/x', failing))).toBe('ok');
    await Promise.resolve();
    expect(text(await cache.get('/p/x', failing))).toBe('ok');
    time.now += 30_000;
    await expect(cache.get('/p/x', failing)).rejects.toThrow('database down');
  });

  it('drops the oldest pages beyond its size', async () => {
    const cache = new PageCache({ ttlMs: 60_000, staleMs: 0, maxEntries: 2 });
    const { calls, render } = counting();
    await cache.get('a', render);
    await cache.get('b', render);
    await cache.get('c', render);
    expect(cache.size).toBe(2);
    await cache.get('b', render);
    expect(calls.n).toBe(3);
    await cache.get('a', render);
    expect(calls.n).toBe(4);
  });

  it('tags a page by its content', () => {
    expect(renderedPage(200, 'x').etag).toBe(renderedPage(404, 'x').etag);
    expect(renderedPage(200, 'x').etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(renderedPage(200, 'x').etag).not.toBe(renderedPage(200, 'y').etag);
  });
});
