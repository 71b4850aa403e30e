import { request } from 'node:http'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface RawRequest {
  port: number
  host?: string
  method?: string
  /** Sent exactly as given: no normalisation of `..` or encoding, unlike fetch. */
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
}

/** One HTTP request with full control of Host, Origin and the raw path (fetch forbids these). */
export function rawRequest(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: options.host ?? '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
        setHost:
          !options.headers || !Object.keys(options.headers).some((h) => h.toLowerCase() === 'host'),
      },
      (response) => {
        const chunks: Buffer[] = []
        // The event stream never ends: take what arrived first and hang up.
        const isStream = String(response.headers['content-type']).startsWith('text/event-stream')
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk)
          if (isStream) response.destroy()
        })
        const finish = () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          })
        response.on('end', finish)
        response.on('close', finish)
      },
    )
    req.on('error', reject)
    if (options.body !== undefined) req.write(options.body)
    req.end()
  })
}
