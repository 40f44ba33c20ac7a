import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'

/**
 * Reads a local file for upload: its bytes and its base name (the default W&B file name).
 * Node-only; core code reaches it through a dynamic import so browser bundles drop it.
 *
 * @example
 * ```ts
 * const { bytes, name } = await readLocalFile('./model.onnx') // name: 'model.onnx'
 * ```
 */
export async function readLocalFile(path: string): Promise<{ bytes: Uint8Array; name: string }> {
  const buffer = await readFile(path)
  return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength), name: basename(path) }
}
