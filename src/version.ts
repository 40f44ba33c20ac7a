/** The wandb-rx version, sent in `User-Agent` / `X-Client` (a test keeps it equal to package.json's). */
export const VERSION = '0.1.0'
