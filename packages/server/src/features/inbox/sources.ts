// THE INBOX SOURCES: every kind of item the inbox shows, one line each (see source.ts).
import type { InboxSource } from "./source";
import { planReviews } from "./sources/plan-reviews";
import { reportsDue } from "./sources/reports-due";
import { twoTChildren } from "./sources/two-t-children";

export const INBOX_SOURCES: readonly InboxSource[] = [twoTChildren, planReviews, reportsDue];
