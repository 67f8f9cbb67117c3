# passionbot: build with cgo (github.com/mattn/go-sqlite3), run as a
# non-root user with the database on a volume.
#   docker build -t passionbot .
#   docker run -d --name passionbot -v passionbot-data:/data \
#     -e DISCORD_TOKEN -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN passionbot
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/passionbot .

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /data --shell /usr/sbin/nologin passionbot \
 && mkdir -p /data && chown passionbot /data
COPY --from=build /out/passionbot /usr/local/bin/passionbot
USER passionbot
WORKDIR /data
VOLUME /data
# The configuration is /data/passionbot.toml when present; the database
# /data/passionbot.db. Tokens come only from the environment.
ENTRYPOINT ["/usr/local/bin/passionbot"]
CMD ["run", "--db", "/data/passionbot.db"]
