/** AN501: an argument named `func` in a test or async fixture anyio runs, before anyio 4.13. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const TRANSFORM = py`
  import pytest

  from textops import apply


  @pytest.mark.anyio
  @pytest.mark.parametrize("func, expected", [(str.upper, "AB"), (str.lower, "ab")])
  async def test_transform(func, expected):
      assert await apply(func, "Ab") == expected
      assert func.__name__ in ("upper", "lower")
`

const an = (keys: string[]) => keys.filter((k) => k.startsWith('AN501'))

describe('AN501 param-named-func', () => {
  it('renames a parametrized `func` on anyio 4.12', async () => {
    const { first, second } = await checkFixed({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.12.1\n', 'tests/test_transform.py': TRANSFORM })
    expect(an(first.keys)).toEqual(['AN501 tests/test_transform.py:6-8'])
    expect(first.findings.find((f) => f.code === 'AN501')!.message).toContain("TypeError: TestRunner._call_in_runner_task() got multiple values for argument 'func'")
    expect(first.fixed(['tests/test_transform.py'])['tests/test_transform.py']).toEqual(py`
      import pytest

      from textops import apply


      @pytest.mark.anyio
      @pytest.mark.parametrize("fn, expected", [(str.upper, "AB"), (str.lower, "ab")])
      async def test_transform(fn, expected):
          assert await apply(fn, "Ab") == expected
          assert fn.__name__ in ("upper", "lower")
    `)
    expect(second.keys).toEqual([])
  })

  it('does not fire from anyio 4.13, or for tests anyio does not run', async () => {
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.13.0\n', 'tests/test_transform.py': TRANSFORM })).keys)).toEqual([])
    const sync = await check({
      'requirements-dev.txt': 'pytest==8.4.2\nanyio[trio]==4.12.1\n',
      'tests/test_sync.py': 'import pytest\n\n\n@pytest.mark.parametrize("func", [len])\ndef test_len(func):\n    assert func("ab") == 2\n'
    })
    expect(an(sync.keys)).toEqual([])
  })

  it('flags an async fixture in a conftest that requests a fixture named func (3.x wording too), without a fix', async () => {
    const { keys, findings } = await check({
      'requirements-dev.txt': 'pytest==7.4.4\nanyio[trio]>=3.7,<4.1\n',
      'tests/conftest.py': py`
        import pytest


        @pytest.fixture
        def func():
            return str.upper


        @pytest.fixture
        async def transformed(func):
            return func("ab")
      `,
      'tests/ops/test_ops.py': 'import pytest\n\n\n@pytest.mark.anyio\nasync def test_transformed(transformed):\n    assert transformed == "AB"\n'
    })
    expect(an(keys)).toEqual(['AN501 tests/conftest.py:9-10'])
    const f = findings.find((x) => x.code === 'AN501')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain("TestRunner._call() got multiple values for argument 'func'")
    expect(f.message).toContain('anyio 3.7.0–4.0.0')
  })
})
