import pytest
import pytest_asyncio

from inventory.db import create_pool


@pytest_asyncio.fixture(scope="session", loop_scope="session")
async def db():
    """Opening the pool is slow: share one for the whole run."""
    pool = await create_pool()
    yield pool
    await pool.close()


@pytest_asyncio.fixture(scope="session")
async def audit_log():
    pool = await create_pool("postgres://audit@localhost/test")
    yield pool
    await pool.close()


@pytest_asyncio.fixture(scope="module", loop_scope="function")
async def price_cache():
    pool = await create_pool("redis://localhost/0")
    yield pool
    await pool.close()


@pytest.fixture
def sku_factory():
    counter = iter(range(1, 10_000))

    def make(prefix="SKU"):
        return f"{prefix}-{next(counter)}"

    return make
