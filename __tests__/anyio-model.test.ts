/**
 * The anyio plugin model (src/resolve/anyio.ts): which tests anyio runs, the effective
 * `anyio_backend` per test (direct parametrize > class > module > nearest conftest > plugin
 * default), its backends and scope per anyio version, and the async fixtures anyio runs.
 */
import { buildModel } from '../src/analyze.js'
import type { TestFunc } from '../src/model/types.js'
import { RuleContext } from '../src/rules/engine.js'
import { literalAt, returnedValues, type AnyioModel } from '../src/resolve/anyio.js'
import { py, removeProject, writeProject } from './helpers/tmp-project.js'

async function model(files: Record<string, string>): Promise<{ anyio: AnyioModel; test: (nodeid: string) => TestFunc }> {
  const root = writeProject(files)
  try {
    const m = await buildModel({ root })
    const ctx = new RuleContext(m.suite, m.project, m.targets)
    const test = (nodeid: string): TestFunc => {
      const t = m.suite.tests().find((x) => x.nodeid === nodeid)
      if (!t) throw new Error(`no test ${nodeid}; have ${m.suite.tests().map((x) => x.nodeid).join(', ')}`)
      return t
    }
    // The getter is lazy and returns one model per context.
    expect(ctx.anyio).toBe(ctx.anyio)
    return { anyio: ctx.anyio, test }
  } finally {
    removeProject(root)
  }
}

const TRIO_PINS = 'pytest==8.4.2\nanyio[trio]==4.14.2\n'

describe('which tests anyio runs', () => {
  it('marks on the function, the class and the module count; a conftest pytestmark does not', async () => {
    const { anyio, test } = await model({
      'requirements-dev.txt': TRIO_PINS,
      'tests/conftest.py': py`
        import pytest

        pytestmark = pytest.mark.anyio
      `,
      'tests/test_marked.py': py`
        import pytest

        pytestmark = pytest.mark.anyio

        async def test_module_marked():
            pass
      `,
      'tests/test_mixed.py': py`
        import pytest

        @pytest.mark.anyio
        async def test_function_marked():
            pass

        @pytest.mark.anyio
        class TestOrders:
            async def test_class_marked(self):
                pass

        async def test_unmarked():
            pass

        @pytest.mark.anyio
        def test_sync_marked():
            pass

        def test_sync_asks_for_name(anyio_backend_name):
            assert anyio_backend_name
      `
    })
    expect(anyio.isAnyioTest(test('tests/test_marked.py::test_module_marked'))).toBe(true)
    expect(anyio.isAnyioTest(test('tests/test_mixed.py::test_function_marked'))).toBe(true)
    expect(anyio.isAnyioTest(test('tests/test_mixed.py::TestOrders::test_class_marked'))).toBe(true)
    expect(anyio.isAnyioTest(test('tests/test_mixed.py::test_unmarked'))).toBe(false)
    expect(anyio.hasBackend(test('tests/test_mixed.py::test_unmarked'))).toBe(false)
    // The mark does nothing for a sync test (anyio #803)...
    expect(anyio.hasBackend(test('tests/test_mixed.py::test_sync_marked'))).toBe(false)
    // ...but a sync test that asks for a backend helper has anyio_backend in its closure.
    const sync = test('tests/test_mixed.py::test_sync_asks_for_name')
    expect(anyio.hasBackend(sync)).toBe(true)
    expect(anyio.isAnyioTest(sync)).toBe(false)
    expect(anyio.requestsBackend(sync)).toBe(true)
    expect(anyio.usesAnyio()).toBe(true)
  })

  it('anyio_mode = auto counts from anyio 4.11 only', async () => {
    const files = (pin: string) => ({
      'pytest.ini': '[pytest]\nanyio_mode = auto\n',
      'requirements.txt': `anyio[trio]==${pin}\n`,
      'tests/test_auto.py': 'async def test_plain():\n    pass\n'
    })
    const newer = await model(files('4.11.0'))
    expect(newer.anyio.autoMode).toBe(true)
    expect(newer.anyio.isAnyioTest(newer.test('tests/test_auto.py::test_plain'))).toBe(true)
    const older = await model(files('4.10.0'))
    expect(older.anyio.autoMode).toBe(false)
    expect(older.anyio.isAnyioTest(older.test('tests/test_auto.py::test_plain'))).toBe(false)
  })

  it('pytest-asyncio takes over doubly marked tests and, in its auto mode, every coroutine', async () => {
    const strict = await model({
      'requirements-dev.txt': 'pytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n',
      'tests/test_both.py': py`
        import pytest

        @pytest.mark.anyio
        @pytest.mark.asyncio
        async def test_both_marks():
            pass

        @pytest.mark.anyio
        async def test_anyio_only():
            pass
      `
    })
    const both = strict.test('tests/test_both.py::test_both_marks')
    expect(strict.anyio.takenOver(both)).toBe(true)
    expect(strict.anyio.hasBackend(both)).toBe(true)
    expect(strict.anyio.isAnyioTest(both)).toBe(false)
    expect(strict.anyio.isAnyioTest(strict.test('tests/test_both.py::test_anyio_only'))).toBe(true)

    const auto = await model({
      'pytest.ini': '[pytest]\nasyncio_mode = auto\n',
      'requirements-dev.txt': 'pytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n',
      'tests/test_auto.py': py`
        import pytest

        @pytest.fixture
        async def ledger():
            return []

        @pytest.mark.anyio
        async def test_marked(ledger):
            pass
      `
    })
    const marked = auto.test('tests/test_auto.py::test_marked')
    expect(auto.anyio.takenOver(marked)).toBe(true)
    // pytest-asyncio's auto mode converts the plain async fixture before anyio sees it.
    expect(auto.anyio.anyioFixtures(marked)).toEqual([])
  })
})

describe('the plugins around anyio', () => {
  const BOTH_MARKS = py`
    import pytest

    @pytest.mark.anyio
    @pytest.mark.asyncio
    async def test_both():
        pass
  `

  it('asyncio marks mean pytest-asyncio only when the project pins none of its test tools', async () => {
    const unpinned = await model({ 'tests/test_both.py': BOTH_MARKS })
    expect(unpinned.anyio.pytestAsyncioActive).toBe(true)
    const pinned = await model({ 'requirements-dev.txt': TRIO_PINS, 'tests/test_both.py': BOTH_MARKS })
    expect(pinned.anyio.pytestAsyncioActive).toBe(false)
    expect(pinned.anyio.isAnyioTest(pinned.test('tests/test_both.py::test_both'))).toBe(true)
  })

  it('knows where pytest-trio trio mode applies and whether anyio runs the suite', async () => {
    const { anyio, test } = await model({
      'requirements-dev.txt': TRIO_PINS + 'pytest-trio==0.8.0\n',
      'trio_tests/conftest.py': 'from pytest_trio.enable_trio_mode import *\n',
      'trio_tests/test_native.py': 'import trio\n\n\nasync def test_sleep():\n    await trio.sleep(0)\n',
      'tests/test_portable.py': 'import pytest\n\n\n@pytest.mark.anyio\nasync def test_portable():\n    pass\n'
    })
    expect(anyio.pytestTrioInstalled).toBe(true)
    expect(anyio.trioMode(test('trio_tests/test_native.py::test_sleep'))).toBe(true)
    expect(anyio.trioMode(test('tests/test_portable.py::test_portable'))).toBe(false)
    expect(anyio.trioModeConftest(test('trio_tests/test_native.py::test_sleep'))).toMatchObject({ line: 1 })
    expect(anyio.pluginInUse()).toBe(true)
  })
})

describe('the effective anyio_backend', () => {
  const CONFTESTS = {
    'requirements-dev.txt': TRIO_PINS,
    'tests/conftest.py': py`
      import pytest

      @pytest.fixture(scope="session", params=["asyncio", "trio"])
      def anyio_backend(request):
          return request.param
    `,
    'tests/api/conftest.py': py`
      import pytest

      @pytest.fixture(scope="module")
      def anyio_backend():
          return "asyncio"
    `
  }

  it('direct parametrize > class > module > nearest conftest > outer conftest', async () => {
    const { anyio, test } = await model({
      ...CONFTESTS,
      'tests/api/test_routes.py': py`
        import pytest

        pytestmark = pytest.mark.anyio

        async def test_nearest_conftest():
            pass

        @pytest.mark.parametrize("anyio_backend", ["trio"], scope="module")
        async def test_parametrized(anyio_backend):
            pass

        class TestUploads:
            @pytest.fixture
            def anyio_backend(self):
                return ("trio", {"restrict_keyboard_interrupt_to_checkpoints": True})

            async def test_class_override(self):
                pass
      `,
      'tests/jobs/test_jobs.py': py`
        import pytest

        pytestmark = pytest.mark.anyio

        async def test_outer_conftest():
            pass
      `,
      'tests/jobs/test_local.py': py`
        import pytest

        pytestmark = pytest.mark.anyio

        @pytest.fixture
        def anyio_backend():
            return "trio"

        async def test_module_override():
            pass
      `
    })
    const b = (id: string) => anyio.backend(test(id))!
    expect(b('tests/api/test_routes.py::test_nearest_conftest')).toMatchObject({ source: 'fixture', scope: 'module', backends: ['asyncio'], exact: true })
    expect(b('tests/api/test_routes.py::test_nearest_conftest').def!.file.path).toBe('tests/api/conftest.py')
    expect(b('tests/api/test_routes.py::test_parametrized')).toMatchObject({ source: 'parametrize', scope: 'module', backends: ['trio'], exact: true })
    const cls = b('tests/api/test_routes.py::TestUploads::test_class_override')
    expect(cls).toMatchObject({ source: 'fixture', scope: 'function', backends: ['trio'] })
    expect(cls.specs[0]).toMatchObject({ shape: 'tuple', name: 'trio' })
    expect(cls.specs[0]!.options!.entries!.map((e) => e.key.str)).toEqual(['restrict_keyboard_interrupt_to_checkpoints'])
    expect(b('tests/jobs/test_jobs.py::test_outer_conftest')).toMatchObject({ source: 'fixture', scope: 'session', backends: ['asyncio', 'trio'], exact: true })
    expect(b('tests/jobs/test_local.py::test_module_override')).toMatchObject({ source: 'fixture', scope: 'function', backends: ['trio'] })
  })

  it('reads params given as pytest.param tuples and falls back to both backends for computed values', async () => {
    const { anyio, test } = await model({
      'requirements-dev.txt': TRIO_PINS,
      'tests/conftest.py': py`
        import os

        import pytest

        @pytest.fixture(
            params=[
                pytest.param(("asyncio", {"use_uvloop": True}), id="asyncio+uvloop"),
                pytest.param("trio", id="trio"),
            ]
        )
        def anyio_backend(request):
            return request.param
      `,
      'tests/test_params.py': 'import pytest\n\n\n@pytest.mark.anyio\nasync def test_uvloop_or_trio():\n    pass\n',
      'tests/env/conftest.py': py`
        import os

        import pytest

        @pytest.fixture
        def anyio_backend():
            return os.environ.get("ANYIO_BACKEND", "asyncio")
      `,
      'tests/env/test_env.py': 'import pytest\n\n@pytest.mark.anyio\nasync def test_env():\n    pass\n'
    })
    const parts = anyio.backend(test('tests/env/test_env.py::test_env'))!
    expect(parts).toMatchObject({ source: 'fixture', backends: ['asyncio', 'trio'], exact: false })
    expect(anyio.backend(test('tests/test_params.py::test_uvloop_or_trio'))!.def!.file.path).toBe('tests/conftest.py')
    const tuples = anyio.backendOf(anyio.suite.definitions('anyio_backend').find((d) => d.file.path === 'tests/conftest.py')!)
    expect(tuples.backends).toEqual(['asyncio', 'trio'])
    expect(tuples.exact).toBe(true)
    expect(tuples.specs.map((s) => [s.shape, s.name, s.origin, !!s.param])).toEqual([
      ['tuple', 'asyncio', 'params', true],
      ['str', 'trio', 'params', true]
    ])
  })

  it('the plugin default: module scope from anyio 4.0, trio only when installed from 4.12', async () => {
    const pinned = async (req: string) => {
      const { anyio, test } = await model({
        'requirements-dev.txt': req,
        'tests/test_default.py': 'import pytest\n\npytestmark = pytest.mark.anyio\n\nasync def test_default():\n    pass\n'
      })
      return anyio.backend(test('tests/test_default.py::test_default'))!
    }
    expect(await pinned('anyio[trio]==4.14.2\n')).toMatchObject({ source: 'plugin', scope: 'module', backends: ['asyncio', 'trio'] })
    expect(await pinned('anyio==4.14.2\n')).toMatchObject({ source: 'plugin', scope: 'module', backends: ['asyncio'] })
    // Before 4.12 the plugin always parametrizes trio (and fails without it).
    expect(await pinned('anyio==4.11.0\n')).toMatchObject({ source: 'plugin', scope: 'module', backends: ['asyncio', 'trio'] })
    expect(await pinned('anyio==3.7.1\ntrio==0.22.2\n')).toMatchObject({ source: 'plugin', scope: 'function' })
    const range = await pinned('anyio>=3.7,<4.1\ntrio\n')
    expect(range.scopes).toEqual([
      { scope: 'function', versions: ['3.7.0', '3.7.1'] },
      { scope: 'module', versions: ['4.0.0'] }
    ])
  })
})

describe('fixtures anyio runs', () => {
  it('async fixtures in the closure of a test with anyio_backend, minus pytest-asyncio ones', async () => {
    const { anyio, test } = await model({
      'requirements-dev.txt': 'pytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n',
      'tests/conftest.py': py`
        import pytest
        import pytest_asyncio

        @pytest.fixture(scope="module")
        async def warehouse():
            yield {"mug": 3}

        @pytest_asyncio.fixture
        async def pricing():
            return {"mug": 1200}

        @pytest.fixture
        def catalog(warehouse, anyio_backend_name):
            return sorted(warehouse)
      `,
      'tests/test_stock.py': py`
        import pytest

        @pytest.mark.anyio
        async def test_stock(catalog, pricing):
            pass

        def test_sync_stock(catalog):
            pass
      `
    })
    const t = test('tests/test_stock.py::test_stock')
    expect(anyio.anyioFixtures(t).map((e) => e.name)).toEqual(['warehouse'])
    expect(anyio.pytestAsyncioFixtures(t).map((e) => e.name)).toEqual(['pricing'])
    expect(anyio.backendConsumers(t).map((e) => e.name).sort()).toEqual(['warehouse'])
    const catalog = anyio.suite.definitions('catalog')[0]!
    expect(anyio.dependsOnBackend(catalog, t)).toBe(true)
    expect(anyio.dependsOnBackend(anyio.suite.definitions('warehouse')[0]!, t)).toBe(false)
    // The sync test reaches anyio_backend through anyio_backend_name, so anyio runs `warehouse` for it too.
    expect(anyio.anyioFixtures(test('tests/test_stock.py::test_sync_stock')).map((e) => e.name)).toEqual(['warehouse'])
  })
})

describe('literal reader', () => {
  it('reads return values, bare tuples, dict entries and skips strings and comments', () => {
    const text = py`
      def anyio_backend(request):
          """return "not this" """
          # return "nor this"
          if request.config.getoption("trio"):
              return "trio", {"restrict_keyboard_interrupt_to_checkpoints": True}
          return ["asyncio", {'debug': True, "use_uvloop": False}]
    `
    const file = { text, lineStarts: [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)] }
    const fake = { func: { defSpan: { end: text.indexOf(':') + 1 }, whole: { end: text.length } } }
    const values = returnedValues(file as never, fake)
    expect(values.map((v) => [v.keyword, v.line, v.value?.kind])).toEqual([
      ['return', 5, 'tuple'],
      ['return', 6, 'list']
    ])
    expect(values[0]!.value!.parenthesized).toBe(false)
    expect(values[1]!.value!.items![1]!.entries!.map((e) => e.key.str)).toEqual(['debug', 'use_uvloop'])
    expect(literalAt('pytest.param(("asyncio", {}), id="x")', 0)).toMatchObject({ kind: 'call', name: 'pytest.param' })
    expect(literalAt('"a" if x else "b"', 0).kind).toBe('other')
  })
})
