import { registerEntity } from "../registry";
import { household } from "./household";
import { measurement } from "./measurement";
import { person } from "./person";
import { pregnancy } from "./pregnancy";

// The registry's entities. A new feature adds its handler file here (and its table to the feed triggers).
let done = false;
export function registerBuiltInEntities(): void {
  if (done) return;
  done = true;
  for (const h of [household, person, pregnancy, measurement]) registerEntity(h);
}
