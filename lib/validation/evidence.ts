// Evidence files attached to a status update: what is accepted is decided by the bytes, not by
// the name or the type the browser claims.
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'

export const MAX_EVIDENCE_FILES = 5
export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024

/** Detected media type → the extensions a file of that type may carry. */
const ACCEPTED: Readonly<Record<string, readonly string[]>> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/webp': ['webp'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
}

export type EvidenceFile = { fileName: string; mediaType: string; content: Uint8Array<ArrayBuffer>; sha256: string }

export type EvidenceProblem =
  | { code: 'tooManyFiles'; max: number }
  | { code: 'fileTooLarge'; name: string }
  | { code: 'fileEmpty'; name: string }
  | { code: 'fileType'; name: string }

/**
 * The files a form sent. With nothing chosen, a form posted by the browser sends one empty part
 * named '' and one posted by React (JavaScript on) an empty file named "undefined": those mean no
 * file. An empty file the user did choose is kept, for checkEvidence to refuse.
 */
export function chosenFiles(parts: FormDataEntryValue[]): File[] {
  return parts.filter((p): p is File => typeof p !== 'string' && (p.size > 0 || (p.name !== '' && p.name !== 'undefined')))
}

/** Checks the files; returns the first problem, or the files ready to store. */
export async function checkEvidence(files: File[]): Promise<{ problem: EvidenceProblem } | { files: EvidenceFile[] }> {
  if (files.length > MAX_EVIDENCE_FILES) return { problem: { code: 'tooManyFiles', max: MAX_EVIDENCE_FILES } }
  const checked: EvidenceFile[] = []
  for (const file of files) {
    const name = cleanFileName(file.name)
    if (file.size > MAX_EVIDENCE_BYTES) return { problem: { code: 'fileTooLarge', name } }
    if (file.size === 0) return { problem: { code: 'fileEmpty', name } }
    const content = new Uint8Array(await file.arrayBuffer())
    const detected = await fileTypeFromBuffer(content)
    const extension = name.split('.').pop()?.toLowerCase() ?? ''
    const extensions = detected ? ACCEPTED[detected.mime] : undefined
    if (!detected || !extensions?.includes(extension)) return { problem: { code: 'fileType', name } }
    checked.push({ fileName: name, mediaType: detected.mime, content, sha256: createHash('sha256').update(content).digest('hex') })
  }
  return { files: checked }
}

/**
 * A file name safe to store and to send back in a header: no path, no control characters (C0, DEL,
 * C1), no invisible format characters (the bidi overrides and isolates that show `fdp.exe` as
 * `exe.pdf`, zero-width characters) and no line or paragraph separators.
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? ''
  const clean = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim()
    .slice(0, 200)
  return clean || 'tep-dinh-kem'
}
