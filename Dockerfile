# The app image for docker-compose.yml, in two stages: `build` installs everything, builds the
# web bundle and prunes the dev dependencies; `runtime` takes only what the server runs.
# scripts/check-dockerfile.ts runs these same steps without Docker (tests/integration/start/
# dockerfile.test.ts), so a step that breaks fails a test even where no Docker engine answers.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --prefer-offline
COPY . .
RUN npm run build:web
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
# The 图表包 draws Chinese text into its PNGs and PDF with Noto Sans CJK from Debian's
# fonts-noto-cjk (server/pack/fonts.ts reads /usr/share/fonts/opentype/noto/; CJK_FONT_FILE
# points elsewhere). The only system package the app needs; check-dockerfile.ts verifies it is
# installed where it runs the image's steps without Docker.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/web/dist ./web/dist
COPY --from=build /app/model ./model
COPY --from=build /app/lib ./lib
COPY --from=build /app/server ./server
COPY --from=build /app/cypher ./cypher
COPY --from=build /app/seeds ./seeds
COPY --from=build /app/neo4j-local ./neo4j-local
USER node
EXPOSE 3000
# `node --import tsx`, not compiled JS: the sources import each other by their .ts names, and
# tsx (a production dependency, ~10 MB with esbuild) compiles them in memory at start, so there
# is no second build output to keep in step with the sources. Node runs as PID 1 itself (no npx,
# no shell in between), so SIGTERM from `docker stop` reaches the app's own orderly shutdown.
CMD ["node", "--import", "tsx", "server/start.ts"]
