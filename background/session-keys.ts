// The storage.session keys that belong to one unlock. They live here, apart from the modules that
// read and write them, so that the vault can wipe the device listing without importing it (the
// listing is tied to a vault record, so it imports the vault, never the other way round).

export const VAULT_KEY = 'vault';
export const LISTING_KEY = 'deviceListing';
