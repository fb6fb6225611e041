import pytest


@pytest.mark.asyncio
async def test_receive_goods(db, sku_factory):
    sku = sku_factory()
    await db.execute("stock", sku, 5)
    assert (sku, 5) in await db.fetch("stock")


@pytest.mark.asyncio
async def test_stock_is_audited(db, audit_log, sku_factory):
    sku = sku_factory()
    await db.execute("stock", sku, 1)
    await audit_log.execute("audit", "receive", sku)
    assert await audit_log.fetch("audit")


def test_sku_format(sku_factory):
    assert sku_factory("BOX").startswith("BOX-")
