/** PA206: two asyncio marks on one test, class or module. */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const FEED_CONFTEST = py`
  import pytest_asyncio

  from social.broker import start_broker


  @pytest_asyncio.fixture(scope="session", loop_scope="session")
  async def feed():
      broker = await start_broker()
      yield broker
      await broker.stop()
`

const TIMELINE_TEST = py`
  import pytest


  @pytest.mark.asyncio(loop_scope="session")
  @pytest.mark.asyncio
  async def test_follower_sees_post(feed):
      timeline = feed.subscribe("timeline:bob")
      await feed.publish("timeline:bob", {"author": "ada", "text": "hi"})
      assert timeline.get_nowait()["author"] == "ada"
`

const pa206 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA206'))

describe('PA206 multiple-asyncio-marks-on-one-node', () => {
  it('keeps the mark with the loop scope when the bare one nearest def wins (feed two folders up)', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': FEED_CONFTEST,
      'tests/social/test_timeline.py': TIMELINE_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa206(first.keys)).toEqual(['PA206 tests/social/test_timeline.py:4-6'])
    const f = first.findings.find((x) => x.code === 'PA206')!
    expect(f.message).toContain('the decorator closest to `def` (decorators apply bottom-up)')
    expect(f.message).toContain(
      'so `@pytest.mark.asyncio` decides the loop and `@pytest.mark.asyncio(loop_scope="session")` is silently ignored'
    )
    expect(first.fixed(['tests/social/test_timeline.py'])['tests/social/test_timeline.py']).toEqual(
      TIMELINE_TEST.replace('@pytest.mark.asyncio\nasync', 'async')
    )
    expect(second.keys).toEqual([])
  })

  it('drops the extra element of a module pytestmark list (the first one wins)', async () => {
    const test = py`
      import pytest

      pytestmark = [pytest.mark.asyncio, pytest.mark.asyncio(loop_scope="session"), pytest.mark.slow]


      async def test_post_without_followers(feed):
          assert await feed.publish("timeline:nobody", {"text": "echo"}) == 0
    `
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': FEED_CONFTEST,
      'tests/test_timeline.py': test
    }
    const { first, second } = await checkFixed(files)
    expect(pa206(first.keys)).toEqual(['PA206 tests/test_timeline.py:3-3'])
    expect(first.findings.find((x) => x.code === 'PA206')!.message).toContain(
      'the first element of the list'
    )
    expect(first.fixed(['tests/test_timeline.py'])['tests/test_timeline.py']).toEqual(
      test.replace(
        '[pytest.mark.asyncio, pytest.mark.asyncio(loop_scope="session"), pytest.mark.slow]',
        '[pytest.mark.asyncio(loop_scope="session"), pytest.mark.slow]'
      )
    )
    expect(pa206(second.keys)).toEqual([])
  })

  it('reports a decorator plus a pytest.param mark without an edit', async () => {
    const { findings } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': FEED_CONFTEST,
      'tests/test_topics.py': py`
        import pytest


        @pytest.mark.parametrize(
            "topic",
            ["news", pytest.param("sports", marks=pytest.mark.asyncio(loop_scope="session"))],
        )
        @pytest.mark.asyncio
        async def test_topic_is_empty(feed, topic):
            assert await feed.publish(topic, {}) == 0
      `
    })
    const f = findings.find((x) => x.code === 'PA206')!
    expect(`${f.line}-${f.endLine}`).toBe('4-9')
    expect(f.message).toContain('the function’s decorator, before any `pytest.param` mark')
    expect(f.fix).toBeUndefined()
  })

  it('ignores one asyncio mark next to other marks', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/conftest.py': FEED_CONFTEST,
      'tests/test_timeline.py': py`
        import pytest


        @pytest.mark.slow
        @pytest.mark.asyncio(loop_scope="session")
        @pytest.mark.parametrize("user", ["ada", "bob"])
        async def test_timeline_exists(feed, user):
            assert feed.subscribe(f"timeline:{user}").empty()
      `
    })
    expect(pa206(keys)).toEqual([])
  })
})
