import type { Feature } from "../feature";

export const usersFeature: Feature = {
  name: "users",
};
