// zod for every schema here, set up once: `jitless` keeps zod from probing `new Function("")` when a
// schema is built. Client forms import these schemas, and the pages' Content-Security-Policy (no
// 'unsafe-eval') reported that probe as a violation in the browser even though zod catches it.
import { z } from "zod";

z.config({ jitless: true });

export { z };
