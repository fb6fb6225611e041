"""A tiny asyncpg-like pool: every query is a round trip on the loop the pool was opened on."""
import asyncio


class Pool:
    def __init__(self, dsn: str) -> None:
        self.dsn = dsn
        self._loop = asyncio.get_running_loop()
        self._rows: dict[str, list[tuple]] = {}

    async def _round_trip(self) -> None:
        waiter = self._loop.create_future()
        self._loop.call_soon(waiter.set_result, None)
        await waiter

    async def execute(self, table: str, *row) -> None:
        await self._round_trip()
        self._rows.setdefault(table, []).append(row)

    async def fetch(self, table: str) -> list[tuple]:
        await self._round_trip()
        return list(self._rows.get(table, []))

    async def close(self) -> None:
        await self._round_trip()


async def create_pool(dsn: str = "postgres://inventory@localhost/test") -> Pool:
    pool = Pool(dsn)
    await pool._round_trip()
    return pool
