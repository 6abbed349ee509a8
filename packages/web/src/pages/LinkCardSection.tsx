import { Link } from "../router/navigation";

export interface LinkCard {
  to: string;
  title: string;
  hint: string;
}

/** A titled list of large link cards (the entry points on a region page); nothing when there are none. */
export function LinkCardSection({ id, title, items }: { id: string; title: string; items: LinkCard[] }) {
  if (items.length === 0) return null;
  return (
    <section className="stack" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ul className="link-list">
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to} className="link-card link-card--primary">
              <span className="link-card__body">
                <span className="link-card__title">{item.title}</span>
                <span className="link-card__meta">{item.hint}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
