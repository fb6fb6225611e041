/** PA205: a closer bare asyncio mark hides the loop scope of an outer mark. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const CART_TEST = py`
  import pytest
  import pytest_asyncio

  from carts.db import create_pool


  @pytest_asyncio.fixture(scope="class", loop_scope="class")
  async def cart_db():
      pool = await create_pool(size=1)
      yield pool
      await pool.close()


  @pytest.mark.asyncio(loop_scope="class")
  class TestCartItems:
      async def test_add_item(self, cart_db):
          await cart_db.execute("INSERT INTO items VALUES ($1, $2)", "c1", "apple")

      @pytest.mark.asyncio
      async def test_items_for_cart(self, cart_db):
          rows = await cart_db.fetch("SELECT * FROM items WHERE cart = $1", "c1")
          assert [r[1] for r in rows] == ["apple"]
`

const pa205 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA205'))

describe('PA205 closer-asyncio-mark-shadows-loop-scope', () => {
  it('removes a bare method mark that hides the class loop scope', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_cart_items.py': CART_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa205(first.keys)).toEqual(['PA205 tests/test_cart_items.py:19-20'])
    const f = first.findings.find((x) => x.code === 'PA205')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      'the `loop_scope="class"` of the mark on class `TestCartItems` (line 14) does not apply'
    )
    expect(f.message).toContain(
      '`test_items_for_cart` runs in the function loop instead of the class loop'
    )
    expect(f.related[0]!.line).toBe(14)
    expect(first.fixed(['tests/test_cart_items.py'])['tests/test_cart_items.py']).toEqual(
      CART_TEST.replace('    @pytest.mark.asyncio\n', '')
    )
    expect(second.keys).toEqual([])
  })

  it('reports a bare class mark under a module pytestmark once, with the fixture two conftests up', async () => {
    const test = py`
      import pytest

      pytestmark = pytest.mark.asyncio(loop_scope="module")


      @pytest.mark.asyncio
      class TestInvoices:
          async def test_create(self, ledger):
              assert await ledger.create(10) == 1

          async def test_total(self, ledger):
              assert await ledger.total() == 10
    `
    const files = {
      'pyproject.toml': py`
        [project]
        name = "billing"
        version = "1.0.0"
        dependencies = ["pytest-asyncio==1.4.0"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "function"
      `,
      'conftest.py': py`
        import pytest_asyncio


        @pytest_asyncio.fixture(scope="module", loop_scope="module")
        async def ledger():
            return Ledger()
      `,
      'tests/billing/test_invoices.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa205(first.keys)).toEqual(['PA205 tests/billing/test_invoices.py:6-7'])
    const f = first.findings.find((x) => x.code === 'PA205')!
    expect(f.message).toContain(
      '`test_create`, `test_total` run in the function loop instead of the module loop'
    )
    expect(f.message).toContain("the module's `pytestmark` (line 3)")
    expect(
      first.fixed(['tests/billing/test_invoices.py'])['tests/billing/test_invoices.py']
    ).toEqual(test.replace('@pytest.mark.asyncio\nclass', 'class'))
    expect(pa205(second.keys)).toEqual([])
  })

  it('accepts an inner mark with its own loop_scope, and a bare one that changes nothing', async () => {
    const own = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_cart_items.py': CART_TEST.replace(
        '    @pytest.mark.asyncio\n',
        '    @pytest.mark.asyncio(loop_scope="class")\n'
      )
    })
    expect(pa205(own.keys)).toEqual([])
    const same = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_ping.py': py`
        import pytest

        pytestmark = pytest.mark.asyncio(loop_scope="function")


        @pytest.mark.asyncio
        async def test_ping():
            assert True
      `
    })
    expect(pa205(same.keys)).toEqual([])
  })

  it('on 0.23 reads the outer scope= and says so', async () => {
    const files = {
      'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n',
      'tests/test_cart_items.py': CART_TEST.replace(
        'asyncio(loop_scope="class")',
        'asyncio(scope="class")'
      ).replace('(scope="class", loop_scope="class")', '(scope="class")')
    }
    const { findings } = await check(files)
    const f = findings.find((x) => x.code === 'PA205')!
    expect(`${f.line}-${f.endLine}`).toBe('19-20')
    expect(f.message).toContain('the `scope="class"` of the mark on class `TestCartItems`')
    expect(f.message).toContain('pytest-asyncio 0.23.8')
  })
})
