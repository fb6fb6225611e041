import {
  findingMarker,
  fingerprint,
  readMarkers,
  readReviewRun,
  reviewMarker,
  runKey
} from '../../src/report/fingerprint.js'

describe('fingerprints', () => {
  const subject = {
    code: 'PA104',
    path: 'tests/test_db.py',
    symbol: 'tests/test_db.py::TestRepo::test_add'
  }

  it('depends on rule, path and symbol only', () => {
    expect(fingerprint(subject)).toBe(fingerprint({ ...subject }))
    expect(fingerprint(subject)).not.toBe(fingerprint({ ...subject, code: 'PA105' }))
    expect(fingerprint(subject)).not.toBe(fingerprint({ ...subject, path: 'tests/test_other.py' }))
    expect(fingerprint(subject)).not.toBe(fingerprint({ ...subject, symbol: 'x' }))
  })

  it('round-trips through a comment body, even with hostile symbols', () => {
    const hostile = { code: 'AN101', path: 'a b/--> c.py', symbol: 'fixture:x::<!-- y -->' }
    const body = `Some text\n\n${findingMarker(subject)}\nmore\n${findingMarker(hostile)}`
    const markers = readMarkers(body)
    expect(markers.map((m) => m.fingerprint)).toEqual([fingerprint(subject), fingerprint(hostile)])
    expect(markers[1]).toMatchObject({
      rule: 'AN101',
      path: 'a b/--> c.py',
      symbol: 'fixture:x::<!-- y -->'
    })
    // The marker is one HTML comment: nothing inside closes it early.
    const marker = findingMarker(hostile)
    expect(marker.indexOf('-->')).toBe(marker.length - 3)
  })

  it('finds nothing in bodies without markers', () => {
    expect(readMarkers('<!-- loopscope:v1 fp=nothex data= -->')).toEqual([])
    expect(readMarkers(null)).toEqual([])
  })

  it('marks a review with a run key', () => {
    const key = runKey('123', '2', 'abcdef0123456789')
    expect(key).toBe('123.2.abcdef012345')
    expect(readReviewRun(`body\n${reviewMarker(key)}`)).toBe(key)
    expect(readReviewRun('nothing')).toBeUndefined()
  })
})
