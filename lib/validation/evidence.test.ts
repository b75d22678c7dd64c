import { describe, expect, it } from 'vitest'
import { checkEvidence, chosenFiles, cleanFileName } from './evidence'

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n')

describe('evidence file names', () => {
  it('lose the bidi controls that make exe.pdf look like fdp.exe', () => {
    // U+202E (right-to-left override) shows "bao-cao-\u202Efdp.exe" as "bao-cao-exe.pdf".
    expect(cleanFileName('bao-cao-\u202Efdp.exe')).toBe('bao-cao-fdp.exe')
    expect(cleanFileName('\u2066bien-ban\u2069\u200F.pdf')).toBe('bien-ban.pdf')
    expect(cleanFileName('ảnh\u200Bhiện\u2028trường.png')).toBe('ảnhhiệntrường.png')
  })

  it('keep their Vietnamese letters and spaces', () => {
    expect(cleanFileName('Biên bản họp.pdf')).toBe('Biên bản họp.pdf')
  })
})

describe('an empty file', () => {
  it('chosen by name is refused with its name', async () => {
    const files = chosenFiles([new File([], 'bien-ban.pdf')])
    expect(files).toHaveLength(1)
    expect(await checkEvidence(files)).toEqual({ problem: { code: 'fileEmpty', name: 'bien-ban.pdf' } })
  })

  it('without a name is what a form sends when no file was chosen: no file', () => {
    expect(chosenFiles([new File([], ''), new File([], 'undefined'), 'text'])).toEqual([])
  })

  it('beside a good file is still refused', async () => {
    const result = await checkEvidence(chosenFiles([new File([PDF], 'tot.pdf'), new File([], 'rong.pdf')]))
    expect(result).toEqual({ problem: { code: 'fileEmpty', name: 'rong.pdf' } })
  })
})
