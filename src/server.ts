import { ConfigError, loadConfig } from './config.js';
import { serve } from './serve.js';

serve(loadConfig()).catch((err: unknown) => {
  if (err instanceof ConfigError) console.error(err.message);
  else console.error(err);
  process.exit(1);
});
