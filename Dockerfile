# The app image for docker-compose.yml: Node 20, dependencies, the built front end.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config web/vite.config.ts
ENV NODE_ENV=production
EXPOSE 3000
USER node
CMD ["npx", "tsx", "server/start.ts"]
