-- 界别均衡优先 (Meeting.orderSectorFirst): the organisers put sector balance before the booked order.
-- AlterTable (SQLite adds a NOT NULL column with a constant default in place; no table copy)
ALTER TABLE "Meeting" ADD COLUMN "orderSectorFirst" BOOLEAN NOT NULL DEFAULT false;
