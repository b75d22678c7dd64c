// What the accessibility checks look at on a page: axe-core's serious and critical
// violations, sideways scrolling of the page, and touch targets smaller than 44 px.
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'

/** The serious and critical violations, each with the first elements it names: what a reader of a failure needs. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)
}

/** How far the page itself scrolls sideways, in CSS pixels (0 when it fits). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
}

/**
 * The links, buttons and fields a finger cannot hit: smaller than 44 × 44 px. Links in running
 * text are exempt (as WCAG allows); a check box or radio button counts with its label.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>('a[href], button, input:not([type="hidden"]), select, textarea, summary')) {
      const target = element.matches('input[type="checkbox"], input[type="radio"]') ? (element.closest('label') ?? element) : element
      const box = target.getBoundingClientRect()
      if (box.width === 0 || getComputedStyle(target).visibility === 'hidden') continue
      if (element.matches('p a') && getComputedStyle(element).display === 'inline') continue
      if (box.width < 44 || box.height < 44) small.push(`${element.tagName.toLowerCase()} "${(element.textContent || element.getAttribute('name') || '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`)
    }
    return small
  })
}
