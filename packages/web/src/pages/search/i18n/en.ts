// English for the one search across the user's area (issue 17).
import type { searchId } from "./id";

export const searchEn: Record<keyof typeof searchId, string> = {
  "search.title": "Search",
  "search.label": "Name or NIK",
  "search.hint": "Names may be spelled as they sound (Riski, Rizky). A NIK needs all 16 digits.",
  "search.submit": "Search",
  "search.tooShort": "Type at least 2 letters.",
  "search.none": "Nobody in your area matches.",
  "search.count": "{count} people found",
  "search.byNik": "Searched by NIK.",
  "search.truncated": "Only the first {count} results are shown. Type more of the name.",
  "search.born": "born {date}",
};
