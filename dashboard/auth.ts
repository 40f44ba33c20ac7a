const STORAGE_KEY = 'wandb-rx:api-key'

/**
 * The API key for this tab, the way notebook servers hand out tokens: the server prints
 * `http://host:port/#key=…`; the key is moved from the fragment (never sent to the server in
 * a URL) into `sessionStorage` (this tab only), and the fragment is cleared from the address bar.
 */
export function takeApiKey(location: Location, history: History, storage: Storage): string | undefined {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key')
  if (fromHash) {
    storage.setItem(STORAGE_KEY, fromHash)
    history.replaceState(null, '', location.pathname + location.search)
  }
  return storage.getItem(STORAGE_KEY) ?? undefined
}
