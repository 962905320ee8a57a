/** The newsletter sign-up: a plain HTML form posting to a route handler that redirects back (303). */
export function NewsletterForm({ id, error }: { id: string; error?: string }) {
  const errorId = `${id}-error`;
  return (
    <form action="/newsletter/subscribe" method="post" className="space-y-2" noValidate={false}>
      <label htmlFor={id} className="block font-sans text-sm font-semibold">
        Email address
      </label>
      {error ? (
        <p id={errorId} role="alert" className="font-sans text-sm font-semibold text-accent">
          {error}
        </p>
      ) : null}
      <div className="flex">
        <input
          id={id}
          name="email"
          type="email"
          required
          maxLength={254}
          autoComplete="email"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          className="w-full min-w-0 border border-rule bg-paper px-3 py-2 text-ink"
        />
        <button type="submit" className="bg-accent px-4 py-2 font-sans text-sm font-bold text-accent-ink">
          Sign up
        </button>
      </div>
    </form>
  );
}
