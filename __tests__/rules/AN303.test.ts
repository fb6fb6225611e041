/** AN303: `anyio_mode = auto` together with pytest-asyncio's auto mode. */
import { check, checkFixed } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const PINS = 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio[trio]==4.14.2\n'

const SHELF_TESTS = py`
  import anyio
  import pytest

  from inventory.reservations import Reservations


  @pytest.fixture
  async def shelf():
      return Reservations({"mug": 3, "poster": 1})


  async def test_reserve_reduces_availability(shelf):
      await shelf.reserve("mug", 2)
      assert shelf.available("mug") == 1
`

const an = (keys: string[], code = 'AN303') => keys.filter((k) => k.startsWith(code))

describe('AN303 both-auto-modes', () => {
  it('anchors on both options in pytest.ini and removes asyncio_mode', async () => {
    const ini = '[pytest]\ntestpaths = tests\nasyncio_mode = auto\nanyio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'pytest.ini': ini, 'tests/test_reservations.py': SHELF_TESTS })
    expect(an(first.keys)).toEqual(['AN303 pytest.ini:3-4'])
    const f = first.findings.find((x) => x.code === 'AN303')!
    expect(f.message).toContain('PytestConfigWarning: AnyIO auto mode has been enabled together with pytest-asyncio auto mode.')
    expect(first.fixed(['pytest.ini'])['pytest.ini']).toEqual('[pytest]\ntestpaths = tests\nanyio_mode = auto\nasyncio_default_fixture_loop_scope = function\n')
    expect(an(second.keys, 'AN')).toEqual([])
  })

  it('removes --asyncio-mode=auto from addopts in tox.ini', async () => {
    const tox = '[tox]\nenvlist = py312\n\n[pytest]\naddopts = -ra --asyncio-mode=auto\nanyio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'
    const { first, second } = await checkFixed({ 'requirements-dev.txt': PINS, 'tox.ini': tox, 'tests/test_reservations.py': SHELF_TESTS })
    expect(an(first.keys)).toEqual(['AN303 tox.ini:5-6'])
    expect(first.fixed(['tox.ini'])['tox.ini']).toEqual(tox.replace(' --asyncio-mode=auto', ''))
    expect(an(second.keys, 'AN')).toEqual([])
  })

  it('does not fire before anyio 4.11 (no anyio_mode), without pytest-asyncio, or with one auto mode', async () => {
    const ini = '[pytest]\nasyncio_mode = auto\nanyio_mode = auto\nasyncio_default_fixture_loop_scope = function\n'
    expect(an((await check({ 'requirements-dev.txt': 'pytest==8.4.2\npytest-asyncio==1.4.0\nanyio[trio]==4.10.0\n', 'pytest.ini': ini, 'tests/test_reservations.py': SHELF_TESTS })).keys)).toEqual([])
    expect(an((await check({ 'requirements-dev.txt': PINS, 'pytest.ini': ini + 'addopts = -p no:asyncio\n', 'tests/test_reservations.py': SHELF_TESTS })).keys)).toEqual([])
    expect(an((await check({ 'requirements-dev.txt': PINS, 'pyproject.toml': '[tool.pytest.ini_options]\nanyio_mode = "auto"\n', 'tests/test_reservations.py': SHELF_TESTS })).keys)).toEqual([])
  })
})
