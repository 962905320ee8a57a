import { serializeJsonLd, type JsonLd as JsonLdData } from '@/lib/seo/json-ld';

/**
 * One `<script type="application/ld+json">` block. It is data, not code (DESIGN §1), so the front
 * layer keeps it and the CSP does not apply; the serialiser guarantees no value can end the element.
 */
export function JsonLd({ data }: { data: JsonLdData | JsonLdData[] }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
