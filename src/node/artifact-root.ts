import { join, resolve } from 'node:path'

/**
 * Where an artifact goes when no root is given: `./artifacts/<collection>:<version>`, as in
 * Python (`:` becomes `-` on Windows, where it cannot appear in a file name).
 *
 * @example
 * ```ts
 * defaultArtifactRoot({ name: 'digits:v3' }) // '/cwd/artifacts/digits:v3'
 * ```
 */
export function defaultArtifactRoot(artifact: { readonly name: string }): string {
  const name = process.platform === 'win32' ? artifact.name.replace(/:/g, '-') : artifact.name
  return resolve(join('artifacts', name))
}
