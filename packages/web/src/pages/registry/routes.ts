// The registry of priority targets and posyandu measurement (issue 4).
import { lazyPage, type RouteDef } from "../../router/route";
import { registryMessages } from "./i18n";

const messages = [registryMessages] as const;

export const registryRoutes = [
  /** Registry lists of a desa/dusun/posyandu */
  {
    name: "registry",
    path: "/wilayah/:code/sasaran",
    page: lazyPage(() => import("./lists/RegistryListPage")),
    messages,
  },
  /** Register a household, person or pregnancy */
  {
    name: "register",
    path: "/wilayah/:code/daftar",
    page: lazyPage(() => import("./register/RegisterPage")),
    messages,
  },
  /** Possible duplicate persons */
  {
    name: "duplicates",
    path: "/wilayah/:code/duplikat",
    page: lazyPage(() => import("./duplicates/DuplicatesPage")),
    messages,
  },
  /** One person (child or adult) */
  { name: "person", path: "/anak/:id", page: lazyPage(() => import("./person/PersonPage")), messages },
  /** e-PPGBM measurement import */
  { name: "import", path: "/impor", page: lazyPage(() => import("./import/ImportPage")), messages },
] as const satisfies readonly RouteDef[];
