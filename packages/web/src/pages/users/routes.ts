// User administration by the Admin Kabupaten (issue 17).
import { lazyPage, type RouteDef } from "../../router/route";
import { usersMessages } from "./i18n";

export const userRoutes = [
  {
    name: "users",
    path: "/pengguna",
    page: lazyPage(() => import("./UsersPage")),
    messages: [usersMessages],
    layout: "wide",
  },
] as const satisfies readonly RouteDef[];
