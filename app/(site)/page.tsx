import { listLatestArticles } from '@/lib/articles';

export default async function HomePage() {
  const articles = await listLatestArticles({ limit: 20 });
  return (
    <>
      <h1 className="sr-only">Latest news</h1>
      <ul className="space-y-4">
        {articles.map((article) => (
          <li key={article.id}>
            <a href={article.path} className="font-serif text-xl font-semibold hover:underline">
              {article.headline}
            </a>
            <p className="text-neutral-600">{article.standfirst}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
