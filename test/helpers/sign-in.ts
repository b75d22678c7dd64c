// Signing in over HTTP, as a browser without JavaScript does: the login page's form, posted back
// with its hidden fields.
const unescape = (v: string) => v.replaceAll('&quot;', '"').replaceAll('&#x27;', "'").replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&')

/** Posts the sign-in form with the extra headers given; the answer is not followed. */
export async function postSignIn(base: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const html = await (await fetch(`${base}/login`)).text()
  const form = html.split('<form').find((f) => f.includes('name="username"'))?.split('</form>')[0] ?? ''
  const body = new FormData()
  for (const [input] of form.matchAll(/<input[^>]*type="hidden"[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(input)?.[1]
    if (name) body.append(unescape(name), unescape(/value="([^"]*)"/.exec(input)?.[1] ?? ''))
  }
  body.append('username', username)
  body.append('password', password)
  return fetch(`${base}/login`, { method: 'POST', body, headers: { origin: base, ...headers }, redirect: 'manual' })
}
