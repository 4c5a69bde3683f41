import { prepareDatabase } from "./per-file-db";

prepareDatabase("postgres");
