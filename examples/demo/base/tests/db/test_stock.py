import pytest


@pytest.mark.asyncio
async def test_receive_goods(db, sku_factory):
    sku = sku_factory()
    await db.execute("stock", sku, 5)
    assert await db.fetch("stock") == [(sku, 5)]


@pytest.mark.asyncio
async def test_empty_warehouse(db):
    assert await db.fetch("stock") == []


def test_sku_format(sku_factory):
    assert sku_factory("BOX").startswith("BOX-")
