// Job kinds for the runner's own tests; the worker imports this module by URL like the features' list.
import { getPriority } from "node:os";
import { z } from "zod";
import { errors } from "../errors";
import { defineJob, type JobHandler } from "../features/jobs/handler";

/** Counts the file's bytes and the regions table, reporting progress on the way. */
const echo = defineJob({
  kind: "test.echo",
  input: z.object({ word: z.string() }),
  async run(ctx, input) {
    ctx.progress(1, 2);
    const n = await ctx.db
      .selectFrom("regions")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    ctx.progress(2, 2);
    return { word: input.word, bytes: ctx.file?.length ?? 0, regions: Number(n.n), by: ctx.actor.username };
  },
});

/** Keeps a CPU busy for `ms` without yielding, as parsing a big file does. */
const spin = defineJob({
  kind: "test.spin",
  input: z.object({ ms: z.number() }),
  async run(_ctx, input) {
    const end = Date.now() + input.ms;
    let x = 0;
    while (Date.now() < end) x++;
    return { spins: x > 0 };
  },
});

/** Allocates until the heap ceiling stops it, as an XLSX bomb would. */
const hog = defineJob({
  kind: "test.hog",
  input: z.object({}),
  async run() {
    const keep: number[][] = [];
    for (;;) keep.push(new Array(1_000_000).fill(keep.length));
  },
});

/** The niceness of the thread the job runs on. */
const niceness = defineJob({
  kind: "test.niceness",
  input: z.object({}),
  async run() {
    return { niceness: getPriority() };
  },
});

const refuse = defineJob({
  kind: "test.refuse",
  input: z.object({}),
  async run() {
    throw errors.validation("file", "row 3: birth date after the measurement");
  },
});

export const JOB_HANDLERS: readonly JobHandler[] = [
  echo,
  spin,
  hog,
  niceness,
  refuse,
] as readonly JobHandler[];
