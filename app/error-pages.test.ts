import { createElement, type ComponentProps } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { ErrorLocale } from '@/components/error-locale'
import PageError from './error'
import GlobalError from './global-error'

/** A server error with internal detail in its text (as in development) and the digest of its log line. */
function serverError(): Error {
  return Object.assign(new Error('relation "User" does not exist at lib/queries/x.ts:12'), { digest: '2718281828' })
}
const retry = () => {}

/** The error page in the language the root layout gives it. */
function renderPageError(locale: 'vi' | 'en', error: unknown): string {
  // The provider's props type wants the children inside them; they go in createElement's third argument.
  const props = { locale } as ComponentProps<typeof ErrorLocale>
  return renderToStaticMarkup(createElement(ErrorLocale, props, createElement(PageError, { error, retry })))
}

describe('the error page', () => {
  it.each([
    ['vi', 'Đã xảy ra lỗi', 'Mã tham chiếu: 2718281828'],
    ['en', 'Something went wrong', 'Reference: 2718281828'],
  ] as const)('apologises in %s with the log reference and never the error text', (locale, title, reference) => {
    const html = renderPageError(locale, serverError())
    expect(html).toContain(title)
    expect(html).toContain(reference)
    expect(html).not.toContain('relation')
  })

  it('is in Vietnamese when no language is given', () => {
    const html = renderToStaticMarkup(createElement(PageError, { error: serverError(), retry }))
    expect(html).toContain('Đã xảy ra lỗi')
    expect(html).toContain('Thử lại')
  })

  it('leaves the reference out for an error without a digest', () => {
    const html = renderPageError('vi', 'thrown text')
    expect(html).not.toContain('Mã tham chiếu')
    expect(html).not.toContain('thrown text')
  })
})

describe('the global error page (the root layout failed)', () => {
  it('apologises in Vietnamese, then English, with the log reference and never the error text', () => {
    const html = renderToStaticMarkup(createElement(GlobalError, { error: serverError(), retry }))
    expect(html.indexOf('Đã xảy ra lỗi')).toBeGreaterThan(-1)
    expect(html.indexOf('Something went wrong')).toBeGreaterThan(html.indexOf('Đã xảy ra lỗi'))
    expect(html).toContain('Mã tham chiếu: 2718281828')
    expect(html).not.toContain('relation')
  })
})
