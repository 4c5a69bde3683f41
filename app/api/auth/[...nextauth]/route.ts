import { handlers } from "@/lib/accounts/auth/auth";

export const { GET, POST } = handlers;
