/** PA207: a base class's asyncio mark beats the subclass's (pytest ≥ 7.4.3). */
import { check, checkFixed, INI_FUNCTION_DEFAULT } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PIN = 'pytest==9.1.1\npytest-asyncio==1.4.0\n'

const BROKER_CONFTEST = py`
  import pytest_asyncio

  from inbox.broker import start_broker


  @pytest_asyncio.fixture
  async def broker():
      broker = await start_broker()
      yield broker
      await broker.stop()
`

const INBOX_TEST = py`
  import pytest


  @pytest.mark.asyncio(loop_scope="class")
  class InboxTests:
      """Shared checks; subclasses choose the loop they need."""

      async def test_publish_reaches_inbox(self, broker):
          inbox = broker.subscribe("inbox")
          assert await broker.publish("inbox", {"id": 1}) == 1


  class TestFreshBrokerPerTest(InboxTests):
      pytestmark = pytest.mark.asyncio(loop_scope="function")

      async def test_history_is_empty(self, broker):
          assert broker.published == []


  def test_topic_name():
      assert "inbox".isidentifier()
`

const pa207 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA207'))

describe('PA207 base-class-mark-beats-subclass-mark', () => {
  it('flags the ignored subclass mark and moves the base mark to its async tests (broker two folders up)', async () => {
    const files = {
      'requirements-dev.txt': PIN,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': BROKER_CONFTEST,
      'tests/inbox/test_inbox.py': INBOX_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa207(first.keys)).toEqual(['PA207 tests/inbox/test_inbox.py:14-14'])
    const f = first.findings.find((x) => x.code === 'PA207')!
    expect(f.severity).toBe('warning')
    expect(f.message).toContain('since pytest 7.4.3 class marks are gathered base class first')
    expect(f.message).toContain('the tests of `TestFreshBrokerPerTest` run in the class loop')
    expect(f.message).toContain('pytest 9.1.1')
    const own = first.findings.filter((x) => x.code === 'PA207')
    expect(first.fixed(['tests/inbox/test_inbox.py'], own)['tests/inbox/test_inbox.py']).toEqual(
      INBOX_TEST.replace('@pytest.mark.asyncio(loop_scope="class")\nclass', 'class').replace(
        '    async def test_publish_reaches_inbox',
        '    @pytest.mark.asyncio(loop_scope="function")\n    async def test_publish_reaches_inbox'
      )
    )
    const after = await check(first.fixed(undefined, own))
    expect(after.keys).toEqual([])
    expect(pa207(second.keys)).toEqual([])
  })

  it('is silent when only pytest older than 7.4.3 is allowed (the subclass mark wins there)', async () => {
    const { keys } = await check({
      'requirements-dev.txt': 'pytest==7.4.2\npytest-asyncio==0.21.2\n',
      'conftest.py': BROKER_CONFTEST,
      'tests/test_inbox.py': INBOX_TEST
    })
    expect(pa207(keys)).toEqual([])
  })

  it('says the outcome depends on pytest for a range across 7.4.3', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest>=7.4,<8\npytest-asyncio==0.23.8\n',
      'conftest.py': BROKER_CONFTEST,
      'tests/test_inbox.py': INBOX_TEST.replace(/loop_scope=/g, 'scope=')
    })
    const f = findings.find((x) => x.code === 'PA207')!
    expect(f.message).toContain(
      'the subclass mark wins instead, so the loop depends on the pytest version'
    )
  })

  it('does not fire when both levels select the same loop, and offers no edit when the base is collected itself', async () => {
    const same = await check({
      'requirements-dev.txt': PIN,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': BROKER_CONFTEST,
      'tests/test_inbox.py': INBOX_TEST.replace('loop_scope="class"', 'loop_scope="function"')
    })
    expect(pa207(same.keys)).toEqual([])
    const collected = await check({
      'requirements-dev.txt': PIN,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'conftest.py': BROKER_CONFTEST,
      'tests/test_inbox.py': INBOX_TEST.replace(/InboxTests/g, 'TestInbox')
    })
    const f = collected.findings.find((x) => x.code === 'PA207')!
    expect(f.line).toBe(14)
    expect(f.fix).toBeUndefined()
  })
})
