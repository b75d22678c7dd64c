import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { clientScriptGzipBytes } from './bench-http'

// A page as Next renders it: module scripts, the legacy polyfills for browsers without modules, an
// inline script and a script from elsewhere.
const files: Record<string, string> = {
  '/page': [
    '<script src="/a.js" async=""></script>',
    '<script src="/b.js?v=1&amp;x=2" async=""></script>',
    '<script src="/a.js" async=""></script>',
    '<script src="/polyfills.js" noModule="" nonce="n"></script>',
    '<script nonce="n">self.__next_f=[]</script>',
    '<script src="https://elsewhere.example/c.js"></script>',
  ].join(''),
  '/a.js': 'console.log("a");'.repeat(50),
  '/b.js': 'console.log("b");'.repeat(80),
  '/polyfills.js': 'console.log("polyfills");'.repeat(500),
}

let server: Server
let base: string
beforeAll(async () => {
  server = createServer((request, response) => {
    const body = files[new URL(request.url!, 'http://localhost').pathname]
    response.writeHead(body === undefined ? 404 : 200).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('the client JavaScript of a page', () => {
  it('counts each same-origin module script once, without the nomodule polyfills', async () => {
    const gzipped = (path: string) => gzipSync(Buffer.from(files[path]!)).byteLength
    expect(await clientScriptGzipBytes(base, '/page', '')).toEqual({ scripts: 2, bytes: gzipped('/a.js') + gzipped('/b.js') })
  })
})
