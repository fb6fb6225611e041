/**
 * GitHub's GraphQL API, for the fields the action uses, executed against GitHub's published
 * schema (@octokit/graphql-schema): a query that is not valid against the real schema fails here
 * exactly as it would on github.com (HTTP 200 with `errors`).
 */
import { schema as published } from '@octokit/graphql-schema'
import { buildSchema, graphql, GraphQLError, parse, validate, type GraphQLSchema } from 'graphql'
import type { Emulator, Identity, ThreadState } from './server.js'

let schema: GraphQLSchema | undefined

function githubSchema(): GraphQLSchema {
  // The published SDL defines two EnterpriseOwnerInfo fields twice; GitHub serves it as it is.
  schema ??= buildSchema(published.idl, { assumeValidSDL: true })
  return schema
}

function cursor(i: number): string {
  return Buffer.from(`cursor:${i}`).toString('base64')
}

function fromCursor(c: string | null | undefined): number {
  if (!c) return 0
  const m = /^cursor:(\d+)$/.exec(Buffer.from(c, 'base64').toString('utf8'))
  return m ? Number(m[1]) + 1 : 0
}

function connection<T>(items: T[], args: { first?: number | null; after?: string | null }) {
  if (args.first === undefined || args.first === null) {
    throw new GraphQLError(
      'You must provide a `first` or `last` value to properly paginate the connection.'
    )
  }
  if (args.first > 100) {
    throw new GraphQLError(
      `Requesting ${args.first} records on the connection exceeds the \`first\` limit of 100 records.`
    )
  }
  const start = fromCursor(args.after)
  const page = items.slice(start, start + args.first)
  return {
    totalCount: items.length,
    nodes: page,
    pageInfo: {
      hasNextPage: start + page.length < items.length,
      hasPreviousPage: start > 0,
      startCursor: page.length ? cursor(start) : null,
      endCursor: page.length ? cursor(start + page.length - 1) : null
    }
  }
}

/** GraphQL shows bots without the `[bot]` suffix. */
function actor(who: Identity) {
  return {
    __typename: who.type,
    login: who.type === 'Bot' ? who.login.replace(/\[bot\]$/, '') : who.login
  }
}

/** What is wrong with `query` against GitHub's schema, without executing it. */
export function graphqlProblems(query: string): string[] {
  try {
    return validate(githubSchema(), parse(query)).map((e) => e.message)
  } catch (error) {
    return [(error as Error).message]
  }
}

export async function executeGraphql(
  emu: Emulator,
  viewer: Identity,
  query: string,
  variables: Record<string, unknown> | undefined
): Promise<{ data?: unknown; errors?: unknown[] }> {
  const threadObject = (t: ThreadState) => ({
    id: t.id,
    isResolved: t.isResolved,
    isOutdated: t.isOutdated,
    isCollapsed: t.isResolved,
    path: t.path,
    line: t.isOutdated ? null : t.line,
    viewerCanResolve: viewer.canWrite,
    viewerCanUnresolve: viewer.canWrite,
    viewerCanReply: true,
    // `resolvedBy` is a User: a bot that resolved a thread shows as null.
    resolvedBy: t.resolvedBy && t.resolvedBy.type === 'User' ? actor(t.resolvedBy) : null,
    comments: (args: { first?: number; after?: string }) =>
      connection(
        t.commentIds.map((id) => {
          const c = emu.comment(id)
          return { databaseId: c.id, id: c.node_id, body: c.body, author: actor(c.author) }
        }),
        args
      )
  })
  const rootValue = {
    viewer: () => ({ ...actor(viewer), login: viewer.login }),
    repository: (args: { owner: string; name: string }) => {
      if (args.owner !== emu.owner || args.name !== emu.repo) return null
      return {
        pullRequest: (a: { number: number }) => {
          if (!emu.hasPull(a.number)) return null
          return {
            number: a.number,
            reviewThreads: (c: { first?: number; after?: string }) =>
              connection(emu.threadsOf(a.number).map(threadObject), c)
          }
        }
      }
    },
    resolveReviewThread: (args: { input: { threadId: string } }) => {
      if (!viewer.canWrite)
        throw new GraphQLError('Resource not accessible by integration', {
          extensions: { type: 'FORBIDDEN' }
        })
      const t = emu.thread(args.input.threadId)
      if (!t)
        throw new GraphQLError(
          `Could not resolve to a node with the global id of '${args.input.threadId}'`,
          { extensions: { type: 'NOT_FOUND' } }
        )
      t.isResolved = true
      t.resolvedBy = viewer
      return { thread: threadObject(t) }
    }
  }
  const result = await graphql({
    schema: githubSchema(),
    source: query,
    rootValue,
    variableValues: variables ?? null
  })
  if (!result.errors) return { data: result.data }
  // GitHub puts the error type at the top level of each error.
  const errors = result.errors.map((e) => ({
    message: e.message,
    ...(e.path ? { path: e.path } : {}),
    ...(e.locations ? { locations: e.locations } : {}),
    ...(typeof e.extensions?.type === 'string' ? { type: e.extensions.type } : {})
  }))
  return result.data ? { data: result.data, errors } : { errors }
}
