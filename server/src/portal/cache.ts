import { createHash } from 'node:crypto';

/** A rendered page, ready to send again: status, encoded body and its entity tag. */
export interface RenderedPage {
  status: number;
  body: Buffer;
  etag: string;
}

export function renderedPage(status: number, markup: string): RenderedPage {
  const body = Buffer.from(markup, 'utf8');
  const hash = createHash('sha1').update(body).digest('base64url');
  return { status, body, etag: `W/"${hash}"` };
}

interface Entry {
  /** The last rendering, once there is one. */
  ready: RenderedPage | null;
  /** Until when `ready` is fresh. */
  expires: number;
  /** The rendering under way, shared by everyone who waits for it. */
  pending: Promise<RenderedPage> | null;
}

/**
 * A short-lived in-memory cache of rendered pages. The portal is read by many and changes rarely:
 * keeping each page for `ttlMs` turns a burst of readers into one rendering (and its few queries)
 * per page and instance, while an edit still shows within seconds.
 *
 * - Concurrent misses on one key share a single rendering.
 * - Once a page has expired, readers still get it (for at most `staleMs`) while one new rendering
 *   runs in the background: no reader waits for the database after the first one.
 * - A failed rendering is not kept (the previous page, if any, stays until `staleMs`).
 * - At most `maxEntries` pages, the oldest dropped first: an unbounded variety of addresses
 *   cannot grow the memory.
 */
export class PageCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly options: { ttlMs: number; staleMs: number; maxEntries: number },
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const now = this.now();
    const entry = this.entries.get(key);
    if (!entry) return this.add(key, render);
    if (entry.ready && entry.expires > now) return Promise.resolve(entry.ready);
    if (entry.ready && now - entry.expires < this.options.staleMs) {
      if (!entry.pending) this.refresh(key, entry, render).catch(() => {});
      return Promise.resolve(entry.ready);
    }
    return entry.pending ?? this.refresh(key, entry, render);
  }

  get size(): number {
    return this.entries.size;
  }

  private add(key: string, render: () => Promise<RenderedPage>): Promise<RenderedPage> {
    const entry: Entry = { ready: null, expires: 0, pending: null };
    this.entries.set(key, entry);
    while (this.entries.size > this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    return this.refresh(key, entry, render);
  }

  private refresh(
    key: string,
    entry: Entry,
    render: () => Promise<RenderedPage>,
  ): Promise<RenderedPage> {
    const pending = render().then(
      (page) => {
        entry.ready = page;
        entry.expires = this.now() + this.options.ttlMs;
        entry.pending = null;
        return page;
      },
      (error: unknown) => {
        entry.pending = null;
        if (!entry.ready && this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    entry.pending = pending;
    return pending;
  }
}
