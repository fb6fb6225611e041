import pytest


@pytest.mark.asyncio
async def test_place_order(db, sku_factory):
    await db.execute("orders", sku_factory(), 2)
    assert len(await db.fetch("orders")) == 1
