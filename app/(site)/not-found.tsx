export default function NotFound() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-2">The page you asked for does not exist or has moved.</p>
      <p className="mt-2">
        <a href="/" className="underline">
          Go to the front page
        </a>
      </p>
    </>
  );
}
