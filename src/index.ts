/** The action's entry point (dist/index.js): run it. */
import { run } from './main.js'

await run()
