/** PA212: an async test with `yield` (an async generator, never run). */
import { check, checkFixed, INI_FUNCTION_DEFAULT, PIN_1_4 } from '../helpers/rule-harness.js'
import { py } from '../helpers/tmp-project.js'

const TEMPFILES_TEST = py`
  import asyncio
  import os
  import tempfile

  import pytest


  async def write_async(path, data):
      await asyncio.sleep(0)
      with open(path, "w") as fh:
          fh.write(data)


  @pytest.mark.asyncio
  async def test_write_and_cleanup():
      fd, path = tempfile.mkstemp()
      os.close(fd)
      await write_async(path, "payload")
      with open(path) as fh:
          assert fh.read() == "payload"
      yield
      os.remove(path)
`

const pa212 = (keys: string[]): string[] => keys.filter((k) => k.startsWith('PA212'))

describe('PA212 async-generator-test', () => {
  it('removes a lone bare yield', async () => {
    const files = {
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_tempfiles.py': TEMPFILES_TEST
    }
    const { first, second } = await checkFixed(files)
    expect(pa212(first.keys)).toEqual(['PA212 tests/test_tempfiles.py:14-15'])
    const f = first.findings.find((x) => x.code === 'PA212')!
    expect(f.severity).toBe('error')
    expect(f.message).toContain(
      'PytestCollectionWarning: Tests based on asynchronous generators are not supported. test_write_and_cleanup will be ignored.'
    )
    expect(first.fixed(['tests/test_tempfiles.py'])['tests/test_tempfiles.py']).toEqual(
      TEMPFILES_TEST.replace('    yield\n', '')
    )
    expect(second.keys).toEqual([])
  })

  it('in auto mode (pyproject.toml), reports a yield with a value inside a with block without an edit', async () => {
    const { findings } = await check({
      'pyproject.toml': py`
        [project]
        name = "files"
        version = "1.0.0"
        dependencies = ["pytest-asyncio==1.4.0"]

        [tool.pytest.ini_options]
        asyncio_mode = "auto"
        asyncio_default_fixture_loop_scope = "function"
      `,
      'tests/io/test_stream.py': py`
        async def test_stream_chunks(tmp_path):
            with open(tmp_path / "data.bin", "wb") as fh:
                yield fh
                fh.write(b"x")
      `
    })
    const f = findings.find((x) => x.code === 'PA212')!
    expect(`${f.path}:${f.line}-${f.endLine}`).toBe('tests/io/test_stream.py:1-1')
    expect(f.fix).toBeUndefined()
    expect(f.message).toContain('Move the setup and teardown around the `yield` into a fixture')
  })

  it('ignores yields in nested functions, sync generator tests and anyio tests', async () => {
    const { keys } = await check({
      'requirements-dev.txt': PIN_1_4,
      'pytest.ini': INI_FUNCTION_DEFAULT,
      'tests/test_gen.py': py`
        import pytest


        @pytest.mark.asyncio
        async def test_collects_from_generator():
            async def numbers():
                yield 1
                yield 2

            assert [n async for n in numbers()] == [1, 2]


        def test_sync_generator_helper():
            def gen():
                yield 1
            assert list(gen()) == [1]


        @pytest.mark.anyio
        async def test_anyio_stream():
            yield
      `
    })
    expect(pa212(keys)).toEqual([])
  })

  it('on 0.21 says the test is reported as passed', async () => {
    const { findings } = await check({
      'requirements-dev.txt': 'pytest==7.4.4\npytest-asyncio==0.21.2\n',
      'tests/test_tempfiles.py': TEMPFILES_TEST
    })
    expect(findings.find((x) => x.code === 'PA212')!.message).toContain('it is reported as passed')
  })
})
