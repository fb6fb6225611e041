import pytest
import pytest_asyncio

from inventory.db import create_pool


@pytest_asyncio.fixture
async def db():
    pool = await create_pool()
    yield pool
    await pool.close()


@pytest.fixture
def sku_factory():
    counter = iter(range(1, 10_000))

    def make(prefix="SKU"):
        return f"{prefix}-{next(counter)}"

    return make
