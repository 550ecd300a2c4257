import type BetterSqlite from 'better-sqlite3';
import {
  OperationNodeTransformer,
  SelectQueryNode,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type {
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryCompiler,
  QueryResult,
  RootOperationNode,
  TransactionSettings,
  UnknownRow,
  CompiledQuery,
} from 'kysely';

/**
 * SQLite for a server and a CLI writing side by side (ADR 008).
 *
 * kysely's own SQLite driver begins every transaction with a deferred `BEGIN`: a transaction that
 * reads and then writes takes the write lock only at its first write, and when another process
 * wrote in between it fails with SQLITE_BUSY_SNAPSHOT, which no busy timeout cures. This driver:
 *  - begins every read-write transaction with `BEGIN IMMEDIATE` (the write lock first, so the
 *    reads inside see the data the writes are based on); a read-only transaction
 *    (`.setAccessMode('read only')`) stays deferred, a snapshot that never blocks writers;
 *  - waits for a busy lock **asynchronously**: better-sqlite3 is synchronous and its busy handler
 *    would stop the whole event loop while a CLI import holds the lock, so the connection's own
 *    `busy_timeout` is kept short and a busy `BEGIN IMMEDIATE` (or a busy statement outside a
 *    transaction) is retried after a timer, until `busyTimeoutMs` has passed.
 */
export class ImmediateSqliteDialect implements Dialect {
  constructor(
    private readonly database: BetterSqlite.Database,
    private readonly busyTimeoutMs: number,
  ) {}
  createDriver(): Driver {
    return new ImmediateSqliteDriver(this.database, this.busyTimeoutMs);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}

/** How long one synchronous wait inside better-sqlite3 may last before we wait on a timer. */
export const SQLITE_SYNC_BUSY_MS = 20;

const isBusy = (e: unknown) => {
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
};
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

class ImmediateSqliteDriver implements Driver {
  private readonly connection: SqliteConnection;
  private readonly mutex = new ConnectionMutex();

  constructor(
    private readonly db: BetterSqlite.Database,
    busyTimeoutMs: number,
  ) {
    this.connection = new SqliteConnection(db, busyTimeoutMs);
  }
  async init(): Promise<void> {
    this.db.pragma(`busy_timeout = ${SQLITE_SYNC_BUSY_MS}`);
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: a mutex hands it to one caller (or one transaction) at a time.
    await this.mutex.lock();
    return this.connection;
  }
  async beginTransaction(_c: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    await this.connection.begin(settings.accessMode === 'read only' ? 'begin' : 'begin immediate');
  }
  async commitTransaction(): Promise<void> {
    await this.connection.end('commit');
  }
  async rollbackTransaction(): Promise<void> {
    await this.connection.end('rollback');
  }
  async releaseConnection(): Promise<void> {
    this.mutex.unlock();
  }
  async destroy(): Promise<void> {
    this.db.close();
  }
}

class SqliteConnection implements DatabaseConnection {
  private inTransaction = false;

  constructor(
    private readonly db: BetterSqlite.Database,
    private readonly busyTimeoutMs: number,
  ) {}

  /** Runs `fn`, retrying on a busy lock after a timer until the busy timeout has passed. */
  private async patiently<T>(fn: () => T): Promise<T> {
    const deadline = Date.now() + this.busyTimeoutMs;
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        return fn();
      } catch (e) {
        if (!isBusy(e) || Date.now() >= deadline) throw e;
      }
      await sleep(wait);
    }
  }

  async begin(statement: 'begin' | 'begin immediate'): Promise<void> {
    await this.patiently(() => this.db.exec(statement));
    this.inTransaction = true;
  }

  async end(statement: 'commit' | 'rollback'): Promise<void> {
    try {
      // A commit may meet a checkpointing process: wait for it like for a lock.
      await this.patiently(() => this.db.exec(statement));
    } finally {
      this.inTransaction = false;
    }
  }

  executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    const run = (): QueryResult<R> => {
      const stmt = this.db.prepare(compiled.sql);
      const params = compiled.parameters as unknown[];
      if (stmt.reader) return { rows: stmt.all(params) as R[] };
      const { changes, lastInsertRowid } = stmt.run(params);
      return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
    };
    // Inside a transaction the lock is already held (BEGIN IMMEDIATE); a statement on its own
    // (autocommit) waits for a busy lock like a transaction's begin does.
    return this.inTransaction ? Promise.resolve().then(run) : this.patiently(run);
  }

  async *streamQuery<R>(compiled: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    const stmt = this.db.prepare(compiled.sql);
    for (const row of stmt.iterate(compiled.parameters)) yield { rows: [row as R] };
  }
}

class ConnectionMutex {
  private promise: Promise<void> | undefined;
  private resolve: (() => void) | undefined;
  async lock(): Promise<void> {
    while (this.promise) await this.promise;
    this.promise = new Promise<void>((r) => (this.resolve = r));
  }
  unlock(): void {
    const r = this.resolve;
    this.promise = undefined;
    this.resolve = undefined;
    r?.();
  }
}

const LOCK_MODIFIERS = new Set([
  'ForUpdate',
  'ForNoKeyUpdate',
  'ForShare',
  'ForKeyShare',
  'NoWait',
  'SkipLocked',
]);

class StripRowLocks extends OperationNodeTransformer {
  protected override transformSelectQuery(node: SelectQueryNode): SelectQueryNode {
    const t = super.transformSelectQuery(node);
    if (!t.endModifiers?.some((m) => m.modifier && LOCK_MODIFIERS.has(m.modifier))) return t;
    return {
      ...t,
      endModifiers: t.endModifiers.filter((m) => !m.modifier || !LOCK_MODIFIERS.has(m.modifier)),
    };
  }
}

/**
 * Repositories lock the rows they read-modify-write with `.forUpdate()` (PostgreSQL: `SELECT …
 * FOR UPDATE`). SQLite has no row locks and needs none: every writing transaction holds the
 * database's one write lock from its `BEGIN IMMEDIATE`. This plugin drops the clause on SQLite.
 */
export class SqliteRowLockPlugin implements KyselyPlugin {
  private readonly strip = new StripRowLocks();
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return SelectQueryNode.is(args.node) ? this.strip.transformNode(args.node) : args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}
