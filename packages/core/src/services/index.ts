export * from "./catalog";
export {
  type CellExplanation,
  CellExplanationSchema,
  type DueItem,
  type RecordedItem,
  type Text,
} from "./explain";
export * from "./period";
export * from "./rules";
export * from "./schemas";
export * from "./scorecard";
