// Server-rendered HTML of a component as a page shows it in Vietnamese, for tests of what it prints.
import { NextIntlClientProvider } from 'next-intl'
import { createElement, type ComponentProps, type ReactElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { vi } from '@/messages'

// The provider's props type wants the children inside them; they go in createElement's third argument.
const intl = { locale: 'vi', messages: vi, timeZone: 'Asia/Ho_Chi_Minh' } as ComponentProps<typeof NextIntlClientProvider>

export function renderInVietnamese(element: ReactElement): string {
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, element))
}
