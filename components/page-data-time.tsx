// The time a page was made, for DataTime to mark it when it is shown later from the device's memory.
import { ClientMessages } from './client-messages'
import { DataTime } from './data-time'

export function PageDataTime() {
  const madeAt = new Date()
  return (
    <ClientMessages namespaces={['offline']}>
      <DataTime madeAt={madeAt.getTime()} />
    </ClientMessages>
  )
}
