// The review report's body as the DOCX and PDF print it (review-report-text.ts), read-only on the
// draft's page: the figures and tables filled from the data, with the sections written so far.
import type { ReportBlock, ReviewReportText } from '@/lib/reports/review-report-text'
import { ScrollTable } from '../scroll-table'

/** The body, then each annex under its label and title, as the files print them after the signature. */
export function previewBlocks(text: Pick<ReviewReportText, 'body' | 'annexes'>): ReportBlock[] {
  return [
    ...text.body,
    ...text.annexes.flatMap((annex): ReportBlock[] => [
      { kind: 'heading', text: `${annex.label}. ${annex.title}` },
      { kind: 'placeholder', text: annex.reference },
      annex.table.rows.length > 0 ? { kind: 'table', ...annex.table } : { kind: 'paragraph', text: annex.empty },
    ]),
  ]
}

/** `tableName`: what a table is called, numbered in order ("Bảng 2"), as its tables carry no title of their own. */
export function ReportPreview({ blocks, tableName }: { blocks: ReportBlock[]; tableName: (n: number) => string }) {
  const tables = new Map(blocks.filter((b) => b.kind === 'table').map((b, i) => [b, i + 1]))
  return (
    <div className="space-y-2 font-serif text-[15px] leading-relaxed">
      {blocks.map((block, index) => {
        switch (block.kind) {
          case 'heading':
            return (
              <h3 key={index} className="pt-2 font-bold">
                {block.text}
              </h3>
            )
          case 'subheading':
            return (
              <h4 key={index} className="font-semibold italic">
                {block.text}
              </h4>
            )
          case 'paragraph':
            return (
              <p key={index} className="whitespace-pre-wrap">
                {block.text}
              </p>
            )
          case 'bullet':
            return (
              <p key={index} className="pl-6">
                - {block.text}
              </p>
            )
          case 'placeholder':
            return (
              <p key={index} className="italic text-slate-600">
                {block.text}
              </p>
            )
          case 'table':
            return (
              <ScrollTable key={index} caption={tableName(tables.get(block) ?? 0)} className="font-sans">
                <thead>
                  <tr>
                    {block.columns.map((column, c) => (
                      <th key={c} scope="col" className="border border-slate-400 px-2 py-1 text-center">
                        {column.title}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {block.rows.map((row, r) => (
                    <tr key={r}>
                      {row.map((cell, c) => (
                        <td key={c} className={`border border-slate-400 px-2 py-1 ${block.columns[c]?.align === 'right' ? 'text-right tabular-nums' : block.columns[c]?.align === 'center' ? 'text-center' : ''}`}>
                          {cell}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            )
        }
      })}
    </div>
  )
}
