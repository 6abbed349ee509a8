// Runs before every test file (vitest setupFiles). Kept light: it is loaded by growth and web tests too.
import { setPasswordCost } from "../features/users/password";
import { TEST_CONFIG } from "./config";

setPasswordCost(TEST_CONFIG.passwordCost);
