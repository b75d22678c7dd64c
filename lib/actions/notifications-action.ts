'use server'
// The "mark all as read" button of /notifications; the rule lives in ./notifications.ts.
import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { NOTIFICATIONS_PATH } from '@/lib/domain/notifications'
import { actionContext } from './context'
import { buttonAction } from './form-action'
import { readAllNotifications } from './notifications'

/** The moment the page was drawn: what arrived after it, the reader has not seen, and stays unread. */
const shownAt = z.iso.datetime().transform((text) => new Date(text))

export const markAllNotificationsRead = buttonAction(
  'markAllNotificationsRead',
  async (form) => {
    const context = await actionContext()
    const until = shownAt.safeParse(form?.get('shownAt'))
    if (context && until.success) await readAllNotifications(context.actor, until.data < context.now ? until.data : context.now)
  },
  // The page and the header's count, which every page's layout shows.
  () => revalidatePath(NOTIFICATIONS_PATH, 'layout'),
)
