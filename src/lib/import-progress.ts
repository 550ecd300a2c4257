/**
 * Progress of long imports under a client-chosen secret id (the progress routes answer without a
 * session: on SQLite the import's transaction holds the only connection). This process keeps its
 * own entries in memory; with `shared` it also writes each change through the given functions
 * (the database, outside the import's transaction) so that another server process can answer the
 * progress request (ADR 008). Finished entries are kept for 15 minutes.
 */
import { AppError } from '../errors.js';

export interface ImportProgressView {
  id: string;
  state: 'reading' | 'saving' | 'done' | 'failed';
  done: number;
  total: number;
  message: string | null;
}

export interface ImportProgressEntry extends ImportProgressView {
  userId: number | null;
  unitId: number;
  finishedAt: number | null;
}

/** Where progress is shared with other processes. */
export interface SharedProgress {
  save(entry: ImportProgressEntry): Promise<void>;
  load(id: string): Promise<ImportProgressView | null>;
}

const KEEP_MS = 15 * 60_000;

export class ImportProgressStore {
  private readonly byId = new Map<string, ImportProgressEntry>();

  constructor(private readonly shared: SharedProgress | null = null) {}

  /** Starts following an import under `id` (none without an id); an id still running is refused. */
  async track(
    id: string | undefined,
    userId: number | null,
    unitId: number,
  ): Promise<ImportProgressEntry | null> {
    if (id === undefined) return null;
    const nowMs = Date.now();
    for (const [k, e] of this.byId)
      if (e.finishedAt !== null && nowMs - e.finishedAt > KEEP_MS) this.byId.delete(k);
    const old = this.byId.get(id);
    if (old && old.finishedAt === null)
      throw new AppError('CONFLICT', 'Mã theo dõi tiến độ này đang được dùng cho lần nhập khác.');
    const entry: ImportProgressEntry = {
      id,
      state: 'reading',
      done: 0,
      total: 0,
      message: null,
      userId,
      unitId,
      finishedAt: null,
    };
    this.byId.set(id, entry);
    await this.publish(entry);
    return entry;
  }

  /** Records a change of the entry for other processes (this process reads the entry itself). */
  async publish(entry: ImportProgressEntry | null): Promise<void> {
    if (entry && this.shared) await this.shared.save(entry);
  }

  /** Runs `work` and marks the entry done or failed with the error's message. */
  async follow<T>(entry: ImportProgressEntry | null, work: () => Promise<T>): Promise<T> {
    try {
      const result = await work();
      if (entry) await this.publish(Object.assign(entry, { state: 'done', finishedAt: Date.now() }));
      return result;
    } catch (e) {
      if (entry)
        await this.publish(
          Object.assign(entry, {
            state: 'failed',
            message: e instanceof Error ? e.message : String(e),
            finishedAt: Date.now(),
          }),
        );
      throw e;
    }
  }

  /** A running or recent import's progress, by its secret id: this process's own, else the shared one. */
  async view(id: string): Promise<ImportProgressView> {
    const e = this.byId.get(id);
    if (e) return { id: e.id, state: e.state, done: e.done, total: e.total, message: e.message };
    const shared = this.shared ? await this.shared.load(id) : null;
    if (!shared) throw new AppError('NOT_FOUND', 'Không tìm thấy lần nhập này.');
    return shared;
  }
}
