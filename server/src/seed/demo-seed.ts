/** Placeholder replaced below. */
export async function seedDemo(_srv: { url: string; apiKey: string }): Promise<void> {}
