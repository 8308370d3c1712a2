# slp-runner as a container: one image for the shards and for the merge step (deploy/).
# Multi-stage: TypeScript is compiled in `build`; the final image holds the compiled JavaScript and
# the production dependencies only, and runs as the unprivileged `node` user.

FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are copied; built explicitly below.
RUN npm ci --no-audit --no-fund --ignore-scripts
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npx tsc -p tsconfig.build.json

FROM node:20-bookworm-slim AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY bin ./bin
COPY schemas ./schemas
COPY playbooks ./playbooks
RUN ln -s /app/bin/slp.js /usr/local/bin/slp && mkdir -p /work && chown node:node /work
USER node
WORKDIR /work
ENTRYPOINT ["slp"]
CMD ["--help"]
