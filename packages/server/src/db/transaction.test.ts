import { expect, it } from "vitest";
import { describeEachDialect } from "../testing/dialects";
import { inTransaction } from "./transaction";

const region = (code: string) => ({
  code,
  name: code,
  level: "x",
  kind: "x",
  parent_code: null,
  source: "t",
  created_at: "t",
});

describeEachDialect("inTransaction", (db) => {
  it("commits together or not at all", async () => {
    const k = db().kysely;
    await expect(
      inTransaction(k, async (trx) => {
        await trx.insertInto("regions").values(region("91")).execute();
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    await inTransaction(k, (trx) => trx.insertInto("regions").values(region("92")).execute());
    const codes = await k.selectFrom("regions").select("code").where("code", "in", ["91", "92"]).execute();
    expect(codes.map((r) => r.code)).toEqual(["92"]);
  });

  it("joins the caller's transaction instead of opening another, so the caller's rollback undoes it", async () => {
    const k = db().kysely;
    await expect(
      inTransaction(k, async (outer) => {
        await inTransaction(outer, (inner) => inner.insertInto("regions").values(region("93")).execute());
        throw new Error("stop");
      }),
    ).rejects.toThrow("stop");
    expect(await k.selectFrom("regions").select("code").where("code", "=", "93").execute()).toEqual([]);
  });
});
