import { expect } from '@open-wc/testing';
import { fallbackStore, idbStore, memoryStore, type KeyValueStore } from '../../src/delivery/store.js';

interface Item {
  id: string;
  text: string;
}

const rejectionOf = async (p: Promise<unknown>): Promise<unknown> => {
  try {
    await p;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

const byId = (items: Item[]) => [...items].sort((a, b) => a.id.localeCompare(b.id));

describe('memoryStore', () => {
  it('round-trips put / all / delete and says it is not durable', async () => {
    const store = memoryStore<Item>();
    expect(store.durable).to.equal(false);
    await store.put('a', { id: 'a', text: 'one' });
    await store.put('b', { id: 'b', text: 'two' });
    await store.put('a', { id: 'a', text: 'one, edited' });
    expect(byId(await store.all())).to.deep.equal([
      { id: 'a', text: 'one, edited' },
      { id: 'b', text: 'two' },
    ]);
    await store.delete('a');
    await store.delete('missing');
    expect(await store.all()).to.deep.equal([{ id: 'b', text: 'two' }]);
  });
});

describe('idbStore (real IndexedDB)', () => {
  let dbName: string;
  const connections: IDBDatabase[] = [];

  const dbExists = async (name: string): Promise<boolean> =>
    (await indexedDB.databases()).some((db) => db.name === name);

  beforeEach(() => {
    dbName = `feedback-prompt-unit-${crypto.randomUUID()}`;
    // idb-keyval keeps its connection open; note each one so the test database can be deleted afterwards.
    const open = IDBFactory.prototype.open;
    (indexedDB as { open: IDBFactory['open'] }).open = function (this: IDBFactory, ...args: Parameters<IDBFactory['open']>) {
      const request = open.apply(this, args);
      request.addEventListener('success', () => connections.push(request.result));
      return request;
    };
  });

  afterEach(async () => {
    delete (indexedDB as { open?: unknown }).open;
    connections.splice(0).forEach((db) => db.close());
    await new Promise((resolve, reject) => {
      const request = indexedDB.deleteDatabase(dbName);
      request.onsuccess = resolve;
      request.onerror = () => reject(request.error);
    });
  });

  it('puts, lists and deletes, and is durable', async () => {
    const store = idbStore<Item>(dbName);
    expect(store.durable).to.equal(true);
    await store.put('a', { id: 'a', text: 'Free delivery, please' });
    await store.put('b', { id: 'b', text: 'مرحبا 🍪 <b>x</b>' });
    expect(byId(await store.all())).to.deep.equal([
      { id: 'a', text: 'Free delivery, please' },
      { id: 'b', text: 'مرحبا 🍪 <b>x</b>' },
    ]);
    await store.delete('a');
    expect(await store.all()).to.deep.equal([{ id: 'b', text: 'مرحبا 🍪 <b>x</b>' }]);
  });

  it('keeps answers for the next page view (a fresh store on the same database reads them)', async () => {
    await idbStore<Item>(dbName).put('a', { id: 'a', text: 'kept' });
    expect(await idbStore<Item>(dbName).all()).to.deep.equal([{ id: 'a', text: 'kept' }]);
  });

  it('reading a database that does not exist returns nothing and does not create it', async function () {
    if (!indexedDB.databases) this.skip();
    const store = idbStore<Item>(dbName);
    expect(await store.all()).to.deep.equal([]);
    expect(await store.all()).to.deep.equal([]);
    expect(await dbExists(dbName)).to.equal(false);
    await store.put('a', { id: 'a', text: 'now it exists' });
    expect(await dbExists(dbName)).to.equal(true);
  });

  it('reopens the connection once when the browser closed it mid-session', async () => {
    const store = idbStore<Item>(dbName);
    await store.put('a', { id: 'a', text: 'before' });
    // What Safari does to idle connections, and any browser on a version change.
    connections.forEach((db) => db.close());
    await store.put('b', { id: 'b', text: 'after' });
    expect(byId(await store.all())).to.deep.equal([
      { id: 'a', text: 'before' },
      { id: 'b', text: 'after' },
    ]);
  });

  it('deletes asked for together share transactions, and each resolves once its own is written', async () => {
    const store = idbStore<Item>(dbName);
    for (let i = 0; i < 20; i++) await store.put(`k${i}`, { id: `k${i}`, text: 'sent' });
    const transaction = IDBDatabase.prototype.transaction;
    let writes = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (args[1] === 'readwrite') writes++;
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      // As a draining queue does: the first delete goes at once, the rest arrive while it is written.
      const first = store.delete('k0');
      const rest = Array.from({ length: 19 }, (_, i) => store.delete(`k${i + 1}`));
      await first;
      await Promise.all(rest);
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    expect(writes, 'readwrite transactions for 20 deletes').to.be.within(1, 2);
    expect(await store.all()).to.deep.equal([]);
    expect(await idbStore<Item>(dbName).all(), 'and for the next page view').to.deep.equal([]);
  });

  it('times out and rejects when the page\'s IndexedDB never answers', async () => {
    (indexedDB as { open: unknown }).open = () => ({}) as IDBOpenDBRequest;
    const store = idbStore<Item>(dbName, 50);
    const error = await rejectionOf(store.put('a', { id: 'a', text: 'x' }));
    expect(String(error)).to.match(/did not answer within 50 ms/);
  });
});

describe('fallbackStore', () => {
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  /** A primary whose every method rejects, counting the calls. */
  const broken = () => {
    const calls = { created: 0, ops: 0 };
    const factory = (): KeyValueStore<Item> => {
      calls.created++;
      const fail = async (): Promise<never> => {
        calls.ops++;
        throw quota();
      };
      return { durable: true, all: fail, put: fail, delete: fail };
    };
    return { calls, factory };
  };

  it('uses the primary while it works, and is durable', async () => {
    const primary = memoryStore<Item>();
    const durablePrimary: KeyValueStore<Item> = { ...primary, durable: true };
    const warnings: unknown[] = [];
    const store = fallbackStore(() => durablePrimary, (e) => warnings.push(e));
    await store.put('a', { id: 'a', text: 'x' });
    expect(await primary.all()).to.deep.equal([{ id: 'a', text: 'x' }]);
    expect(store.durable).to.equal(true);
    expect(warnings).to.have.length(0);
  });

  it('moves to memory on the primary\'s first failure, says so once, and keeps working', async () => {
    const { calls, factory } = broken();
    const warnings: unknown[] = [];
    const store = fallbackStore(factory, (e) => warnings.push(e));
    expect(store.durable, 'assumed durable before any trouble').to.equal(true);
    await store.put('a', { id: 'a', text: 'first' });
    expect(store.durable).to.equal(false);
    expect(warnings).to.have.length(1);
    expect((warnings[0] as DOMException).name).to.equal('QuotaExceededError');

    await store.put('b', { id: 'b', text: 'second' });
    expect(byId(await store.all()).map((i) => i.text)).to.deep.equal(['first', 'second']);
    await store.delete('a');
    expect((await store.all()).map((i) => i.id)).to.deep.equal(['b']);
    expect(warnings, 'reported once').to.have.length(1);
    expect(calls.ops, 'the broken primary is not tried again').to.equal(1);
  });

  it('falls back when creating the primary throws (e.g. storage blocked)', async () => {
    const warnings: unknown[] = [];
    const store = fallbackStore<Item>(() => {
      throw new DOMException('denied', 'SecurityError');
    }, (e) => warnings.push(e));
    expect(await store.all()).to.deep.equal([]);
    await store.put('a', { id: 'a', text: 'x' });
    expect(await store.all()).to.deep.equal([{ id: 'a', text: 'x' }]);
    expect(store.durable).to.equal(false);
    expect(warnings).to.have.length(1);
  });

  it('when two operations fail together, both fall back to memory and the move is reported once', async () => {
    const { factory } = broken();
    const warnings: unknown[] = [];
    const store = fallbackStore(factory, (e) => warnings.push(e));
    const results = await Promise.allSettled([store.all(), store.put('a', { id: 'a', text: 'typed at page start' })]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'fulfilled']);
    expect(await store.all()).to.deep.equal([{ id: 'a', text: 'typed at page start' }]);
    expect(warnings).to.have.length(1);
  });
});
