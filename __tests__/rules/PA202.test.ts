/** PA202: `scope=` and `loop_scope=` on one asyncio mark. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PUBSUB_TEST = py`
  import asyncio

  import pytest
  import pytest_asyncio


  @pytest_asyncio.fixture(scope="module", loop_scope="module")
  async def channel():
      return asyncio.Queue()


  @pytest.mark.asyncio(scope="module", loop_scope="module")
  async def test_publish(channel):
      channel.put_nowait("hello")
      assert await channel.get() == "hello"


  @pytest.mark.asyncio(loop_scope="module")
  async def test_channel_empty(channel):
      assert channel.empty()
`

const pa202 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA202'))

describe('PA202 mark-scope-and-loop-scope', () => {
  it('removes scope= and keeps loop_scope=', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_pubsub.py': PUBSUB_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa202(first.keys)).toEqual(['PA202 tests/test_pubsub.py:12-13'])
    const f = first.findings.find((x) => x.code === 'PA202')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      'pytest.UsageError: An asyncio pytest marker defines both "scope" and "loop_scope", but it should only use "loop_scope".'
    )
    expect(f.message).toContain('while collecting, which stops the run on pytest-asyncio 1.4.0')
    expect(first.fixed(['tests/test_pubsub.py'])['tests/test_pubsub.py']).toEqual(
      PUBSUB_TEST.replace(
        '@pytest.mark.asyncio(scope="module", loop_scope="module")',
        '@pytest.mark.asyncio(loop_scope="module")'
      )
    )
    expect(second.keys).toEqual([])
  })

  it('on a class decorator below a conftest two folders up (pin and config in pyproject.toml), naming differing values', async () => {
    const test = py`
      import pytest


      @pytest.mark.asyncio(loop_scope="session", scope="module")
      class TestCheckout:
          async def test_pay(self, payments):
              assert await payments.charge(10) == "ok"
    `
    const files = {
      'pyproject.toml': py`
        [project]
        name = "shop"
        version = "1.0.0"
        dependencies = ["pytest-asyncio>=1.1,<1.4"]

        [tool.pytest.ini_options]
        asyncio_default_fixture_loop_scope = "session"
      `,
      'conftest.py': py`
        import pytest_asyncio


        @pytest_asyncio.fixture(scope="session")
        async def payments():
            return PaymentsClient()
      `,
      'tests/shop/test_checkout.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa202(first.keys)).toEqual(['PA202 tests/shop/test_checkout.py:4-5'])
    const f = first.findings.find((x) => x.code === 'PA202')!
    expect(f.message).toContain(
      'when each test it marks is set up, so those tests error on pytest-asyncio 1.1.0–1.3.0'
    )
    expect(f.message).toContain('The two values differ')
    expect(first.fixed(['tests/shop/test_checkout.py'])['tests/shop/test_checkout.py']).toEqual(
      test.replace('loop_scope="session", scope="module"', 'loop_scope="session"')
    )
    expect(pa202(second.keys)).toEqual([])
  })

  it('does not fire on 0.23 (which reads only scope=) or on a mark with one keyword', async () => {
    const old = await check({
      'requirements-dev.txt': 'pytest==8.1.2\npytest-asyncio==0.23.8\n',
      'tests/test_pubsub.py': PUBSUB_TEST
    })
    expect(pa202(old.keys)).toEqual([])
    const single = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_pubsub.py': PUBSUB_TEST.replace(
        'asyncio(scope="module", loop_scope="module")',
        'asyncio(loop_scope="module")'
      )
    })
    expect(pa202(single.keys)).toEqual([])
  })

  it('on a range reaching back to 0.23 reports without a fix', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest-asyncio>=0.23,<0.26\n',
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_pubsub.py': PUBSUB_TEST
    })
    const f = findings.find((x) => x.code === 'PA202')!
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('which reads only `scope=`')
  })
})
