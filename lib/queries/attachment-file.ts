// The bytes of one evidence file, for the download route. The only read of Attachment.content:
// pages list files by name and size (assignment-detail.ts) without loading them.
import 'server-only'
import { db } from '@/lib/db'
import { assignmentsWhere, type Actor } from '@/lib/auth/permissions'

export type AttachmentFile = { fileName: string; mediaType: string; content: Uint8Array }

/**
 * null when no attachment has this id, or when the actor may not read its assignment's details
 * (READ_RULES): the file is looked up through that scope, so another unit's evidence is not found.
 */
export async function attachmentFile(actor: Actor, id: string): Promise<AttachmentFile | null> {
  const scope = assignmentsWhere(actor, 'assignment.readDetails')
  if (!scope) return null
  return db().attachment.findFirst({ where: { id, statusUpdate: { assignment: scope } }, select: { fileName: true, mediaType: true, content: true } })
}
