// The growth derivation is pure and runs on the phone too (offline posyandu day): it lives in core.
export {
  type Derived,
  derive,
  GROWTH_VERSION,
  measurementViews,
  type RawMeasurement,
} from "@tumbuh/core/growth-views";
