import pytest

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_place_order(db, sku_factory):
    await db.execute("orders", sku_factory(), 2)
    assert await db.fetch("orders")


async def test_prices_are_cached(db, price_cache):
    await price_cache.execute("prices", "SKU-1", 9.99)
    assert await price_cache.fetch("prices")
