/**
 * An in-repo emulator of the GitHub REST and GraphQL endpoints Loopscope uses, listening on
 * 127.0.0.1 on a random port. It keeps state (pull requests whose files and patches come from
 * real git commits, reviews, review comments, threads, their authors), enforces what GitHub
 * enforces (tokens and their permissions, anchors inside the diff with GitHub's 422 bodies, body
 * limits, pagination caps), validates every request body and query against GitHub's OpenAPI
 * description and every response it sends against the same description, and can inject faults
 * (rate limits, 5xx, 404, answers that come late or never, reset connections, an anchor GitHub
 * refuses) to test degradation.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { executeGraphql, graphqlProblems } from './graphql.js'
import { OpenApi } from './openapi.js'
import { mapLine, pullFiles, rightHunks, type DiffEntry, type PullFromGitOptions } from './pulls.js'

export interface Identity {
  login: string
  type: 'Bot' | 'User'
  id: number
  /** The token may write pull-request content (pull-requests: write). */
  canWrite: boolean
}

export interface PullState {
  number: number
  repoDir: string
  baseSha: string
  headSha: string
  /** Every head the PR has had, oldest first. */
  heads: string[]
  /** The full diff per head; anchors are checked against it even where the API omits a patch. */
  filesBySha: Map<string, DiffEntry[]>
  /** Files whose patch the API leaves out (GitHub does so for very large diffs). */
  omitPatch?: (path: string) => boolean
}

export interface ReviewState {
  id: number
  node_id: string
  pull: number
  author: Identity
  body: string
  state: 'COMMENTED' | 'PENDING'
  commit_id: string
  submitted_at: string
}

export interface CommentState {
  id: number
  node_id: string
  pull: number
  reviewId: number
  threadId: string
  author: Identity
  body: string
  path: string
  line: number | null
  start_line: number | null
  original_line: number
  original_start_line: number | null
  commit_id: string
  original_commit_id: string
  diff_hunk: string
  in_reply_to_id?: number
  created_at: string
}

export interface ThreadState {
  id: string
  pull: number
  path: string
  line: number | null
  startLine: number | null
  commentIds: number[]
  isResolved: boolean
  resolvedBy?: Identity
  isOutdated: boolean
}

export interface Fault {
  method: string
  path: RegExp
  /** Answer with this status (and `body`, `headers`) instead of the real answer. */
  status?: number
  body?: unknown
  headers?: Record<string, string>
  /**
   * Give no answer: `reset` resets the connection, `hang` keeps it open without a word (until
   * the client gives up or the emulator closes).
   */
  drop?: 'reset' | 'hang'
  /** Answer (or drop) only after this many milliseconds: after a client's timeout, say. */
  delayMs?: number
  /** How many matching requests fail (then the fault is spent). */
  times: number
  /**
   * Handle the request first (its writes happen), then answer with the fault: a response lost
   * after the write. A fault with neither `status` nor `drop` always handles the request.
   */
  afterHandling?: boolean
}

export interface RequestRecord {
  method: string
  path: string
  /** What the emulator answered, or would have (0: dropped before it was handled). */
  status: number
  login?: string
  /** For GraphQL: the operation kind of the document. */
  graphql?: 'query' | 'mutation'
  /**
   * The client never got the answer: the connection was reset, left hanging, or closed by the
   * client before a late answer was ready.
   */
  dropped?: 'reset' | 'hang' | 'late'
}

/** GitHub's secondary rate limit (403 with `retry-after`) on the next `times` matching requests. */
export function secondaryRateLimit(
  method: string,
  path: RegExp,
  retryAfterSeconds: number,
  times = 1
): Fault {
  return {
    method,
    path,
    status: 403,
    times,
    headers: { 'retry-after': String(retryAfterSeconds) },
    body: {
      message:
        'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
      documentation_url:
        'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: '403'
    }
  }
}

const DOCS = 'https://docs.github.com/rest'
/** GitHub's error for an inline comment whose line it does not take as part of the diff. */
export const LINE_NOT_IN_DIFF =
  "Pull request review thread line must be part of the diff and Pull request review thread diff hunk can't be blank"
const REVIEW_DOCS = 'https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request'
const MAX_BODY = 65536
const LIST_FILES_CAP = 3000

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {}
  ) {
    super(`HTTP ${status}`)
  }
}

interface Route {
  method: string
  re: RegExp
  template: string
  handle: (ctx: Ctx) => Promise<{ status: number; body: unknown; headers?: Record<string, string> }>
}

interface Ctx {
  who: Identity
  params: string[]
  query: URLSearchParams
  body: unknown
  url: URL
}

export class Emulator {
  readonly owner: string
  readonly repo: string
  private server: Server | undefined
  private port = 0
  private readonly identities: Map<string, Identity>
  private readonly pulls = new Map<number, PullState>()
  readonly reviews: ReviewState[] = []
  readonly comments: CommentState[] = []
  readonly threads: ThreadState[] = []
  readonly requests: RequestRecord[] = []
  /** Requests that did not match GitHub's OpenAPI description (the action's bugs). */
  readonly requestProblems: string[] = []
  /** Responses that did not match it (the emulator's bugs). */
  readonly responseProblems: string[] = []
  private readonly faults: Fault[] = []
  /** Anchors GitHub refuses although our diff has them (see rejectAnchor). */
  private readonly refusedAnchors: Array<{ path: string; line: number }> = []
  /** Pending late answers: released at once when the emulator closes. */
  private readonly delays = new Set<{ timer: NodeJS.Timeout; release: () => void }>()
  private nextId = 1000
  private readonly openapi = OpenApi.get()
  private readonly routes: Route[]

  constructor(opts: { owner: string; repo: string; tokens: Record<string, Identity> }) {
    this.owner = opts.owner
    this.repo = opts.repo
    this.identities = new Map(Object.entries(opts.tokens))
    const repoRe = '([^/]+)/([^/]+)'
    this.routes = [
      {
        method: 'GET',
        re: new RegExp(`^/repos/${repoRe}/pulls/(\\d+)/files$`),
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/files',
        handle: (c) => this.listFiles(c)
      },
      {
        method: 'GET',
        re: new RegExp(`^/repos/${repoRe}/pulls/(\\d+)/reviews$`),
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        handle: (c) => this.listReviews(c)
      },
      {
        method: 'POST',
        re: new RegExp(`^/repos/${repoRe}/pulls/(\\d+)/reviews$`),
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/reviews',
        handle: (c) => this.createReview(c)
      },
      {
        method: 'GET',
        re: new RegExp(`^/repos/${repoRe}/pulls/(\\d+)/comments$`),
        template: '/repos/{owner}/{repo}/pulls/{pull_number}/comments',
        handle: (c) => this.listComments(c)
      }
    ]
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  get graphqlUrl(): string {
    return `${this.url}/graphql`
  }

  get serverUrl(): string {
    return `${this.url}/web`
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.dispatch(req, res))
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as AddressInfo).port
    return this
  }

  async close(): Promise<void> {
    const s = this.server
    if (!s) return
    for (const d of this.delays) {
      clearTimeout(d.timer)
      d.release()
    }
    this.delays.clear()
    s.closeAllConnections()
    await new Promise<void>((resolve) => s.close(() => resolve()))
  }

  // ---- state set-up and inspection (used by tests and the demo) ----

  private gitOptions(): PullFromGitOptions {
    return { owner: this.owner, repo: this.repo, serverUrl: this.serverUrl, apiUrl: this.url }
  }

  /** Open pull request `number` for base...head of the git repository `repoDir`. */
  addPull(
    number: number,
    repoDir: string,
    baseSha: string,
    headSha: string,
    omitPatch?: (path: string) => boolean
  ): PullState {
    const pull: PullState = {
      number,
      repoDir,
      baseSha,
      headSha,
      heads: [headSha],
      filesBySha: new Map([[headSha, pullFiles(repoDir, baseSha, headSha, this.gitOptions())]])
    }
    if (omitPatch) pull.omitPatch = omitPatch
    this.pulls.set(number, pull)
    return pull
  }

  /**
   * A push to the PR branch: new files and patches, and every comment re-anchored the way GitHub
   * does it (moved with its line, or outdated when its lines changed).
   */
  pushHead(number: number, headSha: string): void {
    const pull = this.pull(number)
    const old = pull.headSha
    pull.headSha = headSha
    pull.heads.push(headSha)
    pull.filesBySha.set(headSha, pullFiles(pull.repoDir, pull.baseSha, headSha, this.gitOptions()))
    for (const t of this.threadsOf(number)) {
      if (t.isOutdated || t.line === null) continue
      // Outdated as soon as any line of the commented range changed.
      const first = t.startLine ?? t.line
      const mapped: Array<number | null> = []
      for (let l = first; l <= t.line; l++)
        mapped.push(mapLine(pull.repoDir, old, headSha, t.path, l))
      const line = mapped[mapped.length - 1] ?? null
      const start = t.startLine === null ? null : (mapped[0] ?? null)
      const outdated = mapped.some((m) => m === null)
      t.isOutdated = outdated
      t.line = outdated ? null : line
      t.startLine = outdated ? null : start
      for (const id of t.commentIds) {
        const c = this.comment(id)
        c.line = t.line
        c.start_line = t.startLine
        if (!outdated) c.commit_id = headSha
      }
    }
  }

  hasPull(number: number): boolean {
    return this.pulls.has(number)
  }

  pull(number: number): PullState {
    const p = this.pulls.get(number)
    if (!p)
      throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
    return p
  }

  /** The files as GET /pulls/{n}/files shows them (patches of very large files left out). */
  files(number: number): DiffEntry[] {
    const p = this.pull(number)
    return (p.filesBySha.get(p.headSha) ?? []).map((f) => {
      if (!p.omitPatch?.(f.filename)) return f
      const { patch: _omitted, ...rest } = f
      return rest
    })
  }

  comment(id: number): CommentState {
    const c = this.comments.find((x) => x.id === id)
    if (!c) throw new Error(`no comment ${id}`)
    return c
  }

  thread(id: string): ThreadState | undefined {
    return this.threads.find((t) => t.id === id)
  }

  threadsOf(pull: number): ThreadState[] {
    return this.threads.filter((t) => t.pull === pull)
  }

  /** A reply by `who` in the thread of comment `commentId`. */
  reply(commentId: number, who: Identity, body: string): CommentState {
    const root = this.comment(commentId)
    const c: CommentState = {
      ...root,
      id: this.id(),
      node_id: `PRRC_${this.nextId}`,
      author: who,
      body,
      in_reply_to_id: root.id,
      created_at: new Date().toISOString()
    }
    this.comments.push(c)
    this.thread(root.threadId)?.commentIds.push(c.id)
    return c
  }

  /** Someone resolves a thread in the UI. */
  resolve(threadId: string, who: Identity): void {
    const t = this.thread(threadId)
    if (!t) throw new Error(`no thread ${threadId}`)
    t.isResolved = true
    t.resolvedBy = who
  }

  /**
   * Make the next `times` requests matching `method` and `path` fail: answer `status`, drop the
   * connection, or answer late (see Fault).
   */
  fault(f: Fault): void {
    this.faults.push({ ...f })
  }

  /**
   * GitHub's view of the diff disagrees with the client's for one line: a review with an inline
   * comment whose lines include `line` of `path` is refused as a whole with GitHub's 422 (which
   * does not say which comment is wrong).
   */
  rejectAnchor(path: string, line: number): void {
    this.refusedAnchors.push({ path, line })
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.delays.delete(entry)
          resolve()
        }, ms),
        release: resolve
      }
      this.delays.add(entry)
    })
  }

  // ---- HTTP ----

  private id(): number {
    this.nextId += 1
    return this.nextId
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url)
    const method = req.method ?? 'GET'
    const record: RequestRecord = { method, path: url.pathname + url.search, status: 0 }
    let status = 500
    let body: unknown
    let headers: Record<string, string> = {}
    let fault: Fault | undefined
    let drop: Fault['drop']
    try {
      const raw = await readBody(req)
      const who = this.authenticate(req.headers.authorization)
      record.login = who.login
      fault = this.faults.find(
        (f) => f.times > 0 && f.method === method && f.path.test(url.pathname)
      )
      if (fault) fault.times -= 1
      const interrupts =
        fault !== undefined && (fault.drop !== undefined || fault.status !== undefined)
      const before = interrupts && !fault?.afterHandling
      let parsed: unknown
      if (raw) {
        try {
          parsed = JSON.parse(raw)
        } catch {
          throw new HttpError(400, {
            message: 'Problems parsing JSON',
            documentation_url: DOCS,
            status: '400'
          })
        }
      }
      const interrupt = (): void => {
        if (fault?.drop) drop = fault.drop
        else if (fault?.status !== undefined)
          throw new HttpError(fault.status, fault.body, fault.headers)
      }
      if (method === 'POST' && url.pathname === '/graphql') {
        const doc = parsed as { query?: string; variables?: Record<string, unknown> }
        record.graphql = /^\s*mutation\b/.test(doc.query ?? '') ? 'mutation' : 'query'
        if (before) {
          // Not executed, but still checked against the schema.
          this.requestProblems.push(...graphqlProblems(doc.query ?? '').map((p) => `GraphQL: ${p}`))
          interrupt()
        } else {
          const result = await executeGraphql(this, who, doc.query ?? '', doc.variables)
          // GitHub answers GraphQL errors with HTTP 200. Errors without a type are invalid queries.
          status = 200
          body = result
          for (const e of (result.errors ?? []) as Array<{ message: string; type?: string }>) {
            if (!e.type) this.requestProblems.push(`GraphQL: ${e.message}`)
          }
        }
      } else {
        const route = this.routes.find((r) => r.method === method && r.re.test(url.pathname))
        if (!route)
          throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
        const params = (route.re.exec(url.pathname) ?? []).slice(1)
        if (params[0] !== this.owner || params[1] !== this.repo) {
          throw new HttpError(404, { message: 'Not Found', documentation_url: DOCS, status: '404' })
        }
        // Requests are checked even when a fault answers them.
        const queryProblems = this.openapi.validateQuery(method, route.template, url.searchParams)
        const bodyProblems =
          method === 'GET' ? [] : this.openapi.validateBody(method, route.template, parsed)
        const problems = [...queryProblems, ...bodyProblems]
        if (problems.length > 0) {
          this.requestProblems.push(...problems.map((p) => `${method} ${route.template}: ${p}`))
          throw new HttpError(422, {
            message: `Invalid request.\n\n${problems.join('\n')}`,
            documentation_url: DOCS,
            status: '422'
          })
        }
        if (before) {
          interrupt()
        } else {
          const out = await route.handle({
            who,
            params: params.map(decodeURIComponent),
            query: url.searchParams,
            body: parsed,
            url
          })
          status = out.status
          body = out.body
          headers = out.headers ?? {}
          const wrong = this.openapi.validateResponse(method, route.template, status, body)
          if (wrong.length > 0)
            this.responseProblems.push(
              ...wrong.map((w) => `${method} ${route.template} ${status}: ${w}`)
            )
        }
      }
      if (interrupts && !before) interrupt()
    } catch (error) {
      if (error instanceof HttpError) {
        status = error.status
        body = error.body
        headers = error.headers
      } else {
        status = 500
        body = { message: `emulator error: ${(error as Error).stack ?? String(error)}` }
      }
    }
    // Dropped before handling: nothing was answered, nothing happened.
    record.status = drop && !fault?.afterHandling ? 0 : status
    if (fault?.delayMs) await this.wait(fault.delayMs)
    if (drop) {
      record.dropped = drop
      this.requests.push(record)
      // `hang`: leave the connection open; the client's timeout (or close()) ends it.
      if (drop === 'reset') req.socket.resetAndDestroy()
      return
    }
    if (req.socket.destroyed) record.dropped = 'late'
    this.requests.push(record)
    if (record.dropped) return
    const reset = Math.floor(Date.now() / 1000) + 3600
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4990',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
      ...headers
    })
    res.end(body === undefined ? '' : JSON.stringify(body))
  }

  private authenticate(header: string | undefined): Identity {
    const m = /^(?:token|bearer)\s+(\S+)$/i.exec(header ?? '')
    const who = m ? this.identities.get(m[1] ?? '') : undefined
    if (!who)
      throw new HttpError(401, {
        message: 'Bad credentials',
        documentation_url: DOCS,
        status: '401'
      })
    return who
  }

  // ---- REST handlers ----

  private page<T>(ctx: Ctx, items: T[]): { body: T[]; headers: Record<string, string> } {
    const perPage = Math.min(Number(ctx.query.get('per_page') ?? 30), 100)
    const page = Math.max(1, Number(ctx.query.get('page') ?? 1))
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const link = (p: number) => {
      const u = new URL(ctx.url)
      u.searchParams.set('per_page', String(perPage))
      u.searchParams.set('page', String(p))
      return u.toString()
    }
    const rels: string[] = []
    if (page < last) rels.push(`<${link(page + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`)
    if (page > 1) rels.push(`<${link(1)}>; rel="first"`, `<${link(page - 1)}>; rel="prev"`)
    return {
      body: items.slice((page - 1) * perPage, page * perPage),
      headers: rels.length ? { link: rels.join(', ') } : {}
    }
  }

  private async listFiles(ctx: Ctx) {
    // GitHub lists at most 3,000 files of a pull request.
    const files = this.files(Number(ctx.params[2])).slice(0, LIST_FILES_CAP)
    return { status: 200, ...this.page(ctx, files) }
  }

  private async listReviews(ctx: Ctx) {
    const n = Number(ctx.params[2])
    this.pull(n)
    const reviews = this.reviews.filter(
      (r) => r.pull === n && (r.state !== 'PENDING' || r.author === ctx.who)
    )
    return {
      status: 200,
      ...this.page(
        ctx,
        reviews.map((r) => this.reviewJson(r))
      )
    }
  }

  private async listComments(ctx: Ctx) {
    const n = Number(ctx.params[2])
    this.pull(n)
    const visible = this.comments.filter(
      (c) => c.pull === n && this.reviews.find((r) => r.id === c.reviewId)?.state !== 'PENDING'
    )
    return {
      status: 200,
      ...this.page(
        ctx,
        visible.map((c) => this.commentJson(c))
      )
    }
  }

  private async createReview(ctx: Ctx) {
    const n = Number(ctx.params[2])
    const pull = this.pull(n)
    if (!ctx.who.canWrite) {
      throw new HttpError(403, {
        message: 'Resource not accessible by integration',
        documentation_url: REVIEW_DOCS,
        status: '403'
      })
    }
    const input = ctx.body as {
      commit_id?: string
      body?: string
      event?: 'COMMENT' | 'APPROVE' | 'REQUEST_CHANGES'
      comments?: Array<{
        path: string
        body: string
        line?: number
        start_line?: number
        side?: string
        start_side?: string
        position?: number
      }>
    }
    const fail = (errors: string[]) => {
      throw new HttpError(422, {
        message: 'Unprocessable Entity',
        errors,
        documentation_url: REVIEW_DOCS,
        status: '422'
      })
    }
    const commit = input.commit_id ?? pull.headSha
    const files = pull.filesBySha.get(commit)
    if (!files) fail(['Commit id is not part of the pull request'])
    if ((input.body ?? '').length > MAX_BODY)
      fail([`Body is too long (maximum is ${MAX_BODY} characters)`])
    const comments = input.comments ?? []
    if (input.event === 'COMMENT' && !input.body && comments.length === 0)
      fail(["Body can't be blank"])
    if (
      !input.event &&
      this.reviews.some((r) => r.pull === n && r.state === 'PENDING' && r.author === ctx.who)
    ) {
      fail(['User can only have one pending review per pull request'])
    }
    const errors: string[] = []
    const anchored = comments.map((c) => {
      const problems: string[] = []
      const file = files?.find((f) => f.filename === c.path)
      if (!file) problems.push('Pull request review thread path is invalid')
      if (c.body.length > MAX_BODY)
        problems.push(`Body is too long (maximum is ${MAX_BODY} characters)`)
      if ((c.side ?? 'RIGHT') !== 'RIGHT' || (c.start_side ?? 'RIGHT') !== 'RIGHT')
        problems.push('emulator: only RIGHT-side comments are modelled')
      if (c.line === undefined)
        problems.push('Pull request review thread line must be part of the diff')
      const hunks = rightHunks(file?.patch)
      const hunk =
        c.line === undefined
          ? undefined
          : hunks.find((h) => c.line !== undefined && c.line >= h.start && c.line <= h.end)
      if (file && c.line !== undefined && !hunk) {
        problems.push(LINE_NOT_IN_DIFF)
      }
      if (c.start_line !== undefined && c.line !== undefined) {
        if (c.start_line >= c.line)
          problems.push('Pull request review thread start line must precede the end line.')
        else if (hunk && c.start_line < hunk.start)
          problems.push(
            'Pull request review thread start line must be part of the same hunk as the line.'
          )
      }
      const first = c.start_line ?? c.line
      if (
        problems.length === 0 &&
        c.line !== undefined &&
        first !== undefined &&
        this.refusedAnchors.some(
          (a) => a.path === c.path && a.line >= first && a.line <= (c.line as number)
        )
      )
        problems.push(LINE_NOT_IN_DIFF)
      if (problems.length > 0) errors.push(problems.join(' and '))
      return { c, hunk }
    })
    if (errors.length > 0) fail(errors)

    const now = new Date().toISOString()
    const review: ReviewState = {
      id: this.id(),
      node_id: `PRR_${this.nextId}`,
      pull: n,
      author: ctx.who,
      body: input.body ?? '',
      state: input.event ? 'COMMENTED' : 'PENDING',
      commit_id: commit,
      submitted_at: now
    }
    this.reviews.push(review)
    for (const { c, hunk } of anchored) {
      const id = this.id()
      const threadId = `PRRT_${id}`
      const line = c.line as number
      const start = c.start_line ?? null
      this.comments.push({
        id,
        node_id: `PRRC_${id}`,
        pull: n,
        reviewId: review.id,
        threadId,
        author: ctx.who,
        body: c.body,
        path: c.path,
        line,
        start_line: start,
        original_line: line,
        original_start_line: start,
        commit_id: commit,
        original_commit_id: commit,
        diff_hunk: hunk?.text ?? '',
        created_at: now
      })
      this.threads.push({
        id: threadId,
        pull: n,
        path: c.path,
        line,
        startLine: start,
        commentIds: [id],
        isResolved: false,
        isOutdated: commit !== pull.headSha
      })
    }
    return { status: 200, body: this.reviewJson(review) }
  }

  // ---- JSON shapes (validated against the OpenAPI description on the way out) ----

  private userJson(who: Identity) {
    const api = `${this.url}/users/${encodeURIComponent(who.login)}`
    return {
      login: who.login,
      id: who.id,
      node_id: `${who.type === 'Bot' ? 'BOT' : 'U'}_${who.id}`,
      avatar_url: `${this.serverUrl}/avatars/${who.id}`,
      gravatar_id: '',
      url: api,
      html_url: `${this.serverUrl}/${encodeURIComponent(who.login)}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: who.type,
      site_admin: false
    }
  }

  private pullUrls(n: number) {
    return {
      api: `${this.url}/repos/${this.owner}/${this.repo}/pulls/${n}`,
      html: `${this.serverUrl}/${this.owner}/${this.repo}/pull/${n}`
    }
  }

  private reviewJson(r: ReviewState) {
    const u = this.pullUrls(r.pull)
    return {
      id: r.id,
      node_id: r.node_id,
      user: this.userJson(r.author),
      body: r.body,
      state: r.state,
      html_url: `${u.html}#pullrequestreview-${r.id}`,
      pull_request_url: u.api,
      _links: {
        html: { href: `${u.html}#pullrequestreview-${r.id}` },
        pull_request: { href: u.api }
      },
      ...(r.state === 'PENDING' ? {} : { submitted_at: r.submitted_at }),
      commit_id: r.commit_id,
      author_association: 'NONE'
    }
  }

  commentJson(c: CommentState) {
    const u = this.pullUrls(c.pull)
    const self = `${this.url}/repos/${this.owner}/${this.repo}/pulls/comments/${c.id}`
    return {
      url: self,
      pull_request_review_id: c.reviewId,
      id: c.id,
      node_id: c.node_id,
      diff_hunk: c.diff_hunk,
      path: c.path,
      // An outdated comment has no position or line (the OpenAPI description leaves them out).
      ...(c.line === null ? {} : { position: c.line, line: c.line }),
      original_position: c.original_line,
      commit_id: c.commit_id,
      original_commit_id: c.original_commit_id,
      ...(c.in_reply_to_id ? { in_reply_to_id: c.in_reply_to_id } : {}),
      user: this.userJson(c.author),
      body: c.body,
      created_at: c.created_at,
      updated_at: c.created_at,
      html_url: `${u.html}#discussion_r${c.id}`,
      pull_request_url: u.api,
      author_association: 'NONE',
      _links: {
        self: { href: self },
        html: { href: `${u.html}#discussion_r${c.id}` },
        pull_request: { href: u.api }
      },
      start_line: c.start_line,
      original_start_line: c.original_start_line,
      ...(c.start_line === null ? {} : { start_side: 'RIGHT' }),
      original_line: c.original_line,
      side: 'RIGHT',
      subject_type: 'line'
    }
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}
