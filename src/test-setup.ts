// Gives every unit test an in-memory IndexedDB.
import 'fake-indexeddb/auto'
