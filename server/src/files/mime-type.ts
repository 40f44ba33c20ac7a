const TYPES: Readonly<Record<string, string>> = {
  json: 'application/json',
  jsonl: 'application/jsonl',
  yaml: 'application/x-yaml',
  yml: 'application/x-yaml',
  txt: 'text/plain',
  log: 'text/plain',
  md: 'text/markdown',
  csv: 'text/csv',
  html: 'text/html',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  py: 'text/x-python',
  patch: 'text/x-diff',
  parquet: 'application/vnd.apache.parquet',
}

/** The mimetype W&B reports for a file name (by extension; unknown → octet-stream). */
export function mimeType(name: string): string {
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : ''
  return TYPES[ext] ?? 'application/octet-stream'
}
