// A page's kept section: its HTML, rendered once per key (lib/queries/kept-html.ts).
import 'server-only'
import { notFound } from 'next/navigation'
import { keptSectionHtml, type KeptView } from '@/lib/queries/kept-html'
import type { CommuneKey } from './commune-sections'
import { KeptHtml } from './kept-html'
import type { MemberKey } from './member-sections'
import type { OverviewKey } from './overview-sections'
import type { TaskKey, TaskReportsKey } from './task-sections'

/** Each view's key. */
export type KeptKeys = { overview: OverviewKey; commune: CommuneKey; member: MemberKey; task: TaskKey; 'task-reports': TaskReportsKey }

/** The section for the key; not found when the section finds nothing (a task's page of units past the last). */
export async function KeptSection<V extends KeptView>({ view, sectionKey, className }: { view: V; sectionKey: KeptKeys[V]; className?: string }) {
  const html = await keptSectionHtml(view, sectionKey)
  if (html === null) notFound()
  return <KeptHtml html={html} className={className} />
}
