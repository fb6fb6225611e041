/** PA210: an asyncio mark on a sync test. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const SLUGIFY_TEST = py`
  import asyncio
  import re

  import pytest


  def slugify(text):
      return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


  async def slugify_many(texts):
      await asyncio.sleep(0)
      return [slugify(t) for t in texts]


  @pytest.mark.asyncio
  def test_slugify_basic():
      assert slugify("Hello, World!") == "hello-world"


  @pytest.mark.asyncio
  async def test_slugify_many():
      assert await slugify_many(["A B", "c"]) == ["a-b", "c"]
`

const pa210 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA210'))

describe('PA210 asyncio-mark-on-sync-test', () => {
  it('removes the mark from a sync test', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_slugify.py': SLUGIFY_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa210(first.keys)).toEqual(['PA210 tests/test_slugify.py:16-17'])
    const f = first.findings.find((x) => x.code === 'PA210')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain(
      "PytestWarning: The test <Function test_slugify_basic> is marked with '@pytest.mark.asyncio' but it is not an async function. Please remove the asyncio mark."
    )
    expect(first.fixed(['tests/test_slugify.py'])['tests/test_slugify.py']).toEqual(
      SLUGIFY_TEST.replace('@pytest.mark.asyncio\ndef', 'def')
    )
    expect(second.keys).toEqual([])
  })

  it('reports a module pytestmark reaching sync tests once and marks only the async tests', async () => {
    const test = py`
      import pytest

      pytestmark = pytest.mark.asyncio(loop_scope="module")


      def test_slug_length():
          assert len("a-b") == 3


      async def test_fetch_slug(slugs):
          assert await slugs.get("a-b") is None


      class TestRename:
          async def test_rename(self, slugs):
              assert await slugs.rename("a", "b")
    `
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': py`
        import pytest_asyncio


        @pytest_asyncio.fixture(scope="module", loop_scope="module")
        async def slugs():
            return SlugStore()
      `,
      'tests/unit/test_slugs.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa210(first.keys)).toEqual(['PA210 tests/unit/test_slugs.py:3-3'])
    expect(first.findings.find((x) => x.code === 'PA210')!.message).toContain(
      'also reaches the sync test `test_slug_length`'
    )
    expect(first.fixed(['tests/unit/test_slugs.py'])['tests/unit/test_slugs.py']).toEqual(py`
      import pytest


      def test_slug_length():
          assert len("a-b") == 3


      @pytest.mark.asyncio(loop_scope="module")
      async def test_fetch_slug(slugs):
          assert await slugs.get("a-b") is None


      class TestRename:
          @pytest.mark.asyncio(loop_scope="module")
          async def test_rename(self, slugs):
              assert await slugs.rename("a", "b")
    `)
    expect(second.keys).toEqual([])
  })

  it('quotes the 0.21 wording', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n',
      'tests/test_slugify.py': SLUGIFY_TEST
    })
    expect(findings.find((x) => x.code === 'PA210')!.message).toContain(
      'Please remove asyncio marker.'
    )
  })

  it('ignores marked async tests and a plugin disabled with -p no:asyncio', async () => {
    const ok = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_slugify.py': SLUGIFY_TEST.replace('@pytest.mark.asyncio\ndef', 'def')
    })
    expect(pa210(ok.keys)).toEqual([])
    const disabled = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': '[pytest]\naddopts = -p no:asyncio\n',
      'tests/test_slugify.py': SLUGIFY_TEST
    })
    expect(pa210(disabled.keys)).toEqual([])
  })
})
