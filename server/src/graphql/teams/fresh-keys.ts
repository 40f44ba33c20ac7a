/** A key in full: W&B shows it once, in the response of the call that created it. */
export interface FreshKey {
  readonly id: string
  readonly name: string
  readonly description: string | null
}

const fresh = new WeakMap<object, FreshKey>()

/** Marks a `User` node of a mutation response as carrying its new key (service accounts). */
export function withFreshKey<T extends object>(userNode: T, key: FreshKey): T {
  fresh.set(userNode, key)
  return userNode
}

export const freshKeyOf = (userNode: unknown): FreshKey | undefined =>
  typeof userNode === 'object' && userNode !== null ? fresh.get(userNode) : undefined
