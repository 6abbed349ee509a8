import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { isRole, SYSTEM_ACTOR } from "@tumbuh/core";
import { createUser } from "@tumbuh/server";
import { openMigrated } from "../database";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString("utf8")
    .replace(/\r?\n$/, "");
}

export async function runUser(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== "add") {
    console.error("Usage: tumbuh user add --username U --name N --role R --scope CODE [--password-stdin]");
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      username: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      scope: { type: "string" },
      "password-stdin": { type: "boolean", default: false },
    },
    strict: true,
  });
  const missing = (["username", "name", "role", "scope"] as const).filter((k) => !values[k]);
  if (missing.length) {
    console.error(`Missing: ${missing.map((m) => `--${m}`).join(", ")}`);
    return 2;
  }
  if (!isRole(values.role ?? "")) {
    console.error(`Unknown role "${values.role}".`);
    return 2;
  }
  const generated = !values["password-stdin"];
  const password = generated ? randomBytes(12).toString("base64url") : await readStdin();
  const db = await openMigrated();
  try {
    const { id } = await createUser(db.kysely, SYSTEM_ACTOR, {
      username: values.username ?? "",
      displayName: values.name ?? "",
      password,
      assignments: [{ role: values.role as never, scope: values.scope ?? "" }],
    });
    console.log(`Created user ${values.username} (${id}).`);
    if (generated) console.log(`Password (shown once): ${password}`);
    return 0;
  } finally {
    await db.close();
  }
}
