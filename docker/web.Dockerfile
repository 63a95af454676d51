# syntax=docker/dockerfile:1
#
# Kyoso web app: the built SPA served by nginx, which forwards /api/ to the API so that the
# browser talks to one origin (the session cookie stays first-party).
#   docker build -f docker/web.Dockerfile -t kyoso-web .      (context: the repository root)

FROM node:20-bookworm AS build
WORKDIR /build
COPY openapi.yaml ./
COPY web/package.json web/package-lock.json web/
RUN cd web && npm ci --no-audit --no-fund
COPY web/ web/
RUN cd web && npm run build

FROM nginx:1.27-alpine
COPY docker/web-nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /build/web/dist/ /usr/share/nginx/html/
EXPOSE 8081
