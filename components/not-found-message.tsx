import { RefusalMessage } from "./refusal-message";

export function NotFoundMessage() {
  return (
    <RefusalMessage title="Page not found">
      <p>The page you are looking for has moved, been unpublished, or never existed.</p>
    </RefusalMessage>
  );
}
