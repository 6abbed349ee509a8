// The registry of priority targets and posyandu measurement (issue 4).
import { lazyPage, type RouteDef } from "../../router/route";

export const registryRoutes = [
  /** Registry lists of a desa/dusun/posyandu */
  {
    name: "registry",
    path: "/wilayah/:code/sasaran",
    page: lazyPage(() => import("./lists/RegistryListPage")),
  },
  /** Register a household, person or pregnancy */
  {
    name: "register",
    path: "/wilayah/:code/daftar",
    page: lazyPage(() => import("./register/RegisterPage")),
  },
  /** Possible duplicate persons */
  {
    name: "duplicates",
    path: "/wilayah/:code/duplikat",
    page: lazyPage(() => import("./duplicates/DuplicatesPage")),
  },
  /** One person (child or adult) */
  { name: "person", path: "/anak/:id", page: lazyPage(() => import("./person/PersonPage")) },
  /** e-PPGBM measurement import */
  { name: "import", path: "/impor", page: lazyPage(() => import("./import/ImportPage")) },
] as const satisfies readonly RouteDef[];
