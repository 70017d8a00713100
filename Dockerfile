# syntax=docker/dockerfile:1
#
# Trame : image de production. Construction en trois étapes :
#   build    dépendances complètes, `npm run build` (client/dist et server/dist)
#   deps     dépendances d’exécution seules (espaces de travail server et shared)
#   runtime  Node.js, ces dépendances et les fichiers construits ; utilisateur non root
#
# docker build -t trame .
# docker run -p 3000:3000 -e SESSION_SECRET=… -e DEMO=0 -v trame-data:/app/data trame

ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS base
WORKDIR /app
# argon2 embarque des binaires précompilés, mais npm peut décider de le compiler (node-gyp) :
# la chaîne de compilation reste dans les étapes de construction, jamais dans l’image finale.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# npm ci exige le package.json de chaque espace de travail déclaré par la racine.
COPY package.json package-lock.json ./
COPY shared/package.json shared/
COPY server/package.json server/
COPY client/package.json client/

FROM base AS build
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM base AS deps
# Le serveur construit (server/dist/main.js) n’importe que les dépendances de server/ et zod
# (dépendance de shared/) ; ni le client ni les outils de développement.
RUN npm ci --omit=dev --workspace=server --workspace=shared --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    PORT=3000
WORKDIR /app
COPY --from=deps /app ./
COPY --from=build /app/server/dist ./server/dist
COPY --from=build /app/client/dist ./client/dist
# Base embarquée (sans DATABASE_URL) : ./data, seul dossier où l’application écrit.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/dist/main.js"]
