'use server'
// The "mark all as read" button of /notifications; the rule lives in ./notifications.ts.
import { revalidatePath } from 'next/cache'
import { NOTIFICATIONS_PATH } from '@/lib/domain/notifications'
import { actionContext } from './context'
import { buttonAction } from './form-action'
import { readAllNotifications } from './notifications'

export const markAllNotificationsRead = buttonAction(
  'markAllNotificationsRead',
  async () => {
    const context = await actionContext()
    if (context) await readAllNotifications(context.actor, context.now)
  },
  // The page and the header's count, which every page's layout shows.
  () => revalidatePath(NOTIFICATIONS_PATH, 'layout'),
)
