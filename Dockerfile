# postlint in a container: the static release binary (scripts/install.sh) on Debian slim, with
# only libpcre2, zlib, libarchive and Vectorscan (libhs) from the system.
#
#   docker build -t postlint .
#   docker run --rm -v "$PWD:/work" postlint check            # lints the mounted folder
#   echo "Good vibes only!" | docker run --rm -i postlint check -
# The toolchain postlint is developed with (override: --build-arg SWIFT_IMAGE=swift:6.2-bookworm).
ARG SWIFT_IMAGE=swift:6.3-bookworm
FROM ${SWIFT_IMAGE} AS build
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpcre2-dev zlib1g-dev libarchive-dev libvectorscan-dev pkg-config && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN bash scripts/install.sh --prefix /opt/postlint

FROM debian:bookworm-slim
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      libpcre2-8-0 zlib1g libarchive13 libvectorscan5 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/postlint/bin/postlint /usr/local/bin/postlint
WORKDIR /work
ENTRYPOINT ["postlint"]
CMD ["--help"]
