# The site's image: the sources, their dependencies, nothing built yet. compose.yaml runs it three
# ways: once as `build` (migrate, seed an empty database, `next build` into a shared volume), then as
# N `app` instances that each copy that one build and run `next start`. See README "Running several
# instances".
FROM node:22-bookworm-slim
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
# The whole tree first: npm ci's postinstall generates the Prisma clients from prisma/.
COPY . .
RUN npm ci --no-audit --no-fund
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npx", "next", "start", "-p", "3000"]
