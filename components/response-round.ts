'use client'
import { useState } from 'react'

/**
 * A number that changes with every answer of a form action. React 19 resets a form after its
 * action; keying the fields on this number remounts them with the answer's values as defaults,
 * so a refused input is shown again exactly as typed.
 */
export function useResponseRound(state: object): number {
  const [seen, setSeen] = useState(state)
  const [round, setRound] = useState(0)
  if (seen !== state) {
    // Adjusting state while rendering, as React documents for values derived from a changed input.
    setSeen(state)
    setRound(round + 1)
  }
  return round
}
