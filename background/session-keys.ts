// The storage.session keys that belong to one unlock. They live here, apart from the modules that
// read and write them, so that the vault can wipe the device listing without importing it (the
// listing is tied to a vault record, so it imports the vault, never the other way round).

// The names are only keys shared by every reader and writer through these constants; another
// distinct name behaves the same (the tests read storage by the vault's name, so that one is pinned).
export const VAULT_KEY = 'vault';
// Stryker disable next-line StringLiteral: equivalent, see above
export const LISTING_KEY = 'deviceListing';
