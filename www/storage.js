// The page's own storage: events added by the user (per contact) and a few
// settings, in IndexedDB, so they survive a reload. reset() forgets everything.
const DB = 'cadence-demo';
const VERSION = 1;

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, VERSION);
    req.onupgradeneeded = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('events')) db.createObjectStore('events', { keyPath: 'seq', autoIncrement: true });
      if (!db.objectStoreNames.contains('settings')) db.createObjectStore('settings');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

function result(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export class Storage {
  static async open() {
    const s = new Storage();
    s.db = await open();
    return s;
  }

  /** Every added event, in the order it was added: [{seq, contactId, event}]. */
  async events() {
    const tx = this.db.transaction('events', 'readonly');
    return result(tx.objectStore('events').getAll());
  }

  /** Stores added events [{contactId, event}] in one transaction. */
  async addEvents(list) {
    const tx = this.db.transaction('events', 'readwrite');
    const store = tx.objectStore('events');
    const savedAt = new Date().toISOString();
    for (const { contactId, event } of list) store.add({ contactId, event, savedAt });
    await done(tx);
  }

  async get(key) {
    const tx = this.db.transaction('settings', 'readonly');
    return result(tx.objectStore('settings').get(key));
  }

  async set(key, value) {
    const tx = this.db.transaction('settings', 'readwrite');
    tx.objectStore('settings').put(value, key);
    await done(tx);
  }

  /** Forgets the added events and the settings. */
  async reset() {
    const tx = this.db.transaction(['events', 'settings'], 'readwrite');
    tx.objectStore('events').clear();
    tx.objectStore('settings').clear();
    await done(tx);
  }
}
