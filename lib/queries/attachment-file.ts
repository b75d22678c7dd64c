// The bytes of one evidence file, for the download route. The only read of Attachment.content:
// pages list files by name and size (assignment-detail.ts) without loading them.
import 'server-only'
import { db } from '@/lib/db'

export type AttachmentFile = { fileName: string; mediaType: string; content: Uint8Array }

/** null when no attachment has this id. Every signed-in user of the district may read evidence. */
export async function attachmentFile(id: string): Promise<AttachmentFile | null> {
  return db().attachment.findUnique({ where: { id }, select: { fileName: true, mediaType: true, content: true } })
}
