/**
 * pytest's lookup rules on multi-conftest layouts: nearest definition wins, sibling directories
 * never see each other's conftests, class > module > conftest, a fixture requesting its own name
 * gets the outer one, autouse and usefixtures join the closure, direct parametrize shadows.
 */
import { buildModel } from '../src/analyze.js'
import type { TestFunc } from '../src/model/types.js'
import { py, removeProject, writeProject } from './helpers/tmp-project.js'

async function model(files: Record<string, string>) {
  const root = writeProject(files)
  try {
    const m = await buildModel({ root })
    const test = (nodeid: string): TestFunc => {
      const t = m.suite.tests().find((x) => x.nodeid === nodeid)
      if (!t) throw new Error(`no test ${nodeid}; have ${m.suite.tests().map((x) => x.nodeid).join(', ')}`)
      return t
    }
    const closure = (nodeid: string) => m.suite.closure(test(nodeid)).map((e) => `${e.name}@${e.def.file.path}${e.def.cls ? '::' + e.def.cls.name : ''}`)
    return { m, test, closure }
  } finally {
    removeProject(root)
  }
}

const CONFTEST_ROOT = py`
  import pytest
  import pytest_asyncio

  @pytest_asyncio.fixture(scope="session", loop_scope="session")
  async def db():
      yield 1

  @pytest.fixture
  def client(db):
      return db
`

describe('fixture resolution across conftests', () => {
  it('nearest conftest wins and siblings do not see each other', async () => {
    const { closure } = await model({
      'pytest.ini': '[pytest]\nasyncio_default_fixture_loop_scope = function\n',
      'tests/conftest.py': CONFTEST_ROOT,
      'tests/api/conftest.py': py`
        import pytest

        @pytest.fixture
        def client():
            return "api"
      `,
      'tests/api/test_a.py': 'import pytest\n\nasync def test_a(client):\n    pass\n',
      'tests/db/test_b.py': 'import pytest\n\nasync def test_b(client):\n    pass\n'
    })
    expect(closure('tests/api/test_a.py::test_a')).toEqual(['client@tests/api/conftest.py'])
    expect(closure('tests/db/test_b.py::test_b')).toEqual(['client@tests/conftest.py', 'db@tests/conftest.py'])
  })

  it('class beats module beats conftest; a self-request gets the outer definition', async () => {
    const { closure } = await model({
      'tests/conftest.py': CONFTEST_ROOT,
      'tests/test_x.py': py`
        import pytest

        @pytest.fixture
        def client(client):
            return client

        class TestX:
            @pytest.fixture
            def db(self):
                return 2

            async def test_in_class(self, client):
                pass

        async def test_module(client):
            pass
      `
    })
    expect(closure('tests/test_x.py::test_module')).toEqual(['client@tests/test_x.py', 'client@tests/conftest.py', 'db@tests/conftest.py'])
    expect(closure('tests/test_x.py::TestX::test_in_class')).toEqual(['client@tests/test_x.py', 'client@tests/conftest.py', 'db@tests/test_x.py::TestX'])
  })

  it('adds autouse fixtures and usefixtures, follows name= aliases, and lets direct parametrize shadow', async () => {
    const { closure } = await model({
      'conftest.py': py`
        import pytest
        from pytest_asyncio import fixture as afixture

        @afixture(name="pool", scope="module", autouse=True)
        async def _make_pool():
            yield 1

        @pytest.fixture
        def marker_fixture():
            return 1

        @pytest.fixture
        def city():
            return "x"
      `,
      'tests/test_y.py': py`
        import pytest

        pytestmark = pytest.mark.usefixtures("marker_fixture")

        @pytest.mark.parametrize("city", ["Paris"])
        async def test_param(city):
            pass
      `
    })
    expect(closure('tests/test_y.py::test_param')).toEqual(['pool@conftest.py', 'marker_fixture@conftest.py'])
  })

  it('inherits class fixtures and marks from a base class in the module', async () => {
    const { m, test, closure } = await model({
      'tests/test_z.py': py`
        import pytest

        @pytest.mark.asyncio(loop_scope="class")
        class TestBase:
            @pytest.fixture
            def thing(self):
                return 1

        class TestSub(TestBase):
            pytestmark = pytest.mark.asyncio(loop_scope="function")

            async def test_it(self, thing):
                pass
      `
    })
    expect(closure('tests/test_z.py::TestSub::test_it')).toEqual(['thing@tests/test_z.py::TestBase'])
    // pytest >= 7.4.3: the base class mark comes first and wins.
    const hit = m.suite.closestMark(test('tests/test_z.py::TestSub::test_it'), 'asyncio')
    expect(hit?.mark.kwargs.get('loop_scope')?.str).toBe('class')
  })

  it('never mistakes text in strings or comments for code', async () => {
    const { m } = await model({
      'tests/test_s.py': py`
        import pytest

        DOC = """
        @pytest.fixture(scope="session")
        async def fake(): ...
        """
        # @pytest_asyncio.fixture(scope="session")
        # async def also_fake(): ...

        async def test_real():
            pass
      `
    })
    expect(m.suite.allFixtures().filter((f) => !f.builtin).map((f) => f.name)).toEqual([])
    expect(m.suite.tests().map((t) => t.name)).toEqual(['test_real'])
  })
})

describe('inherited test methods', () => {
  it('collects a base class test on the subclass, with the subclass marks', async () => {
    const { m, closure } = await model({
      'tests/test_inherit.py': py`
        import pytest

        class BaseSuite:
            @pytest.fixture
            def client(self):
                return "base"

            async def test_ping(self, client):
                pass

        @pytest.mark.asyncio(loop_scope="class")
        class TestHttp(BaseSuite):
            async def test_own(self):
                pass
      `
    })
    expect(m.suite.tests().map((t) => t.nodeid)).toEqual(['tests/test_inherit.py::TestHttp::test_own', 'tests/test_inherit.py::TestHttp::test_ping'])
    expect(closure('tests/test_inherit.py::TestHttp::test_ping')).toEqual(['client@tests/test_inherit.py::BaseSuite'])
    const t = m.suite.tests().find((x) => x.name === 'test_ping')!
    expect(m.suite.closestMark(t, 'asyncio')?.mark.kwargs.get('loop_scope')?.str).toBe('class')
  })
})
