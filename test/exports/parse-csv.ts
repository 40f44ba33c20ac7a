/** A small RFC 4180 reader for tests: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') ((field += '"'), i++)
      else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') (record.push(field), (field = ''))
    else if (c === '\n') (record.push(field), records.push(record), (record = []), (field = ''))
    else if (c !== '\r') field += c
  }
  if (field !== '' || record.length > 0) (record.push(field), records.push(record))
  return records
}
