import { describe, expect, it } from 'vitest'
import en from '@/messages/en/unavailable.json'
import vi from '@/messages/vi/unavailable.json'
import { unavailablePage, type UnavailablePageText } from './unavailable-page'

const text = (messages: typeof vi): UnavailablePageText => ({ app: 'Theo dõi', title: messages.title, body: messages.body, retry: messages.retry })

describe('the temporarily unavailable page', () => {
  it('is a whole document in the language asked, with a way to try again', () => {
    const html = unavailablePage('vi', text(vi))
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/)
    expect(html).toContain('<h1 style="')
    expect(html).toContain('Hệ thống tạm thời gián đoạn</h1>')
    expect(html).toContain('<a href="/" ')
    expect(unavailablePage('en', text(en))).toContain('The system is temporarily unavailable</h1>')
  })

  it('carries no script and no style element, which the Content-Security-Policy would block without a nonce', () => {
    expect(unavailablePage('vi', text(vi))).not.toMatch(/<script|<style/)
  })

  it('escapes its text', () => {
    const html = unavailablePage('vi', { ...text(vi), title: '<img src=x onerror=alert(1)> & "q"' })
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot;')
    expect(html).not.toContain('<img')
  })
})
