import { prepareDatabase } from "./per-file-db";

prepareDatabase("sqlite");
