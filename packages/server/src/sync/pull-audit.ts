import type { Actor, SyncPullResponse } from "@tumbuh/core";
import type { Kysely } from "kysely";
import type { Database } from "../db/schema";
import { appendAudit } from "../features/audit/repository";

/** A pull session not finished after this long is written as it stands (the device went away). */
const IDLE_MS = 15 * 60_000;

interface Session {
  actor: Actor;
  startCursor: string;
  cursor: string;
  pages: number;
  records: number;
  gone: number;
  byEntity: Record<string, number>;
  startedAt: string;
  lastAt: number;
}

/**
 * One audit entry per pull session — the pages a device fetches from one cursor until `more` is false —
 * with what it received (records per entity, gone, pages), not one per page: a viewer copying a regency
 * to a phone is one line an admin can read. Sessions are kept per user in memory until they end; one left
 * idle is written as unfinished at the next pull of anyone, or when the server stops.
 */
export class PullSessions {
  private readonly open = new Map<string, Session>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async noted(actor: Actor, cursor: string | undefined, page: SyncPullResponse): Promise<void> {
    const t = this.now();
    await this.flushIdle(t);
    const from = cursor ?? "0";
    let s = this.open.get(actor.userId);
    // A pull that does not continue where the last page ended starts a new session.
    if (s && s.cursor !== from) {
      await this.write(s, false);
      s = undefined;
    }
    if (!s) {
      s = {
        actor,
        startCursor: from,
        cursor: from,
        pages: 0,
        records: 0,
        gone: 0,
        byEntity: {},
        startedAt: new Date(t).toISOString(),
        lastAt: t,
      };
      this.open.set(actor.userId, s);
    }
    s.pages++;
    s.cursor = page.cursor;
    s.lastAt = t;
    for (const r of page.records) {
      if (r.gone) s.gone++;
      else {
        s.records++;
        s.byEntity[r.entity] = (s.byEntity[r.entity] ?? 0) + 1;
      }
    }
    if (!page.more) await this.write(s, true);
  }

  /** Write every open session (the server is stopping). */
  async flushAll(): Promise<void> {
    for (const s of [...this.open.values()]) await this.write(s, false);
  }

  private async flushIdle(t: number): Promise<void> {
    for (const s of [...this.open.values()]) if (t - s.lastAt > IDLE_MS) await this.write(s, false);
  }

  private async write(s: Session, finished: boolean): Promise<void> {
    this.open.delete(s.actor.userId);
    await appendAudit(this.db, s.actor, {
      action: "sync.pull",
      entity: "sync",
      entityId: null,
      regionCode: s.actor.assignments[0]?.scope ?? null,
      after: {
        startedAt: s.startedAt,
        fromCursor: s.startCursor,
        toCursor: s.cursor,
        pages: s.pages,
        records: s.records,
        gone: s.gone,
        byEntity: s.byEntity,
        finished,
      },
    });
  }
}
