# The SovereignOps operator image. Build: docker build -t <in-country registry>/sovereignops/sovereign-operator:<version> .
# The build stage runs `make publish`; the runtime stage copies exactly the folder it produces
# (.publish/image: app/, bin/helm, charts/), so what the tests run from that folder is what ships.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends make unzip jq nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make publish

# Chiseled: no shell, no package manager, a non-root user; the ASP.NET Core runtime serves the probes.
FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled AS runtime
COPY --from=build --chown=65532:65532 /src/.publish/image /opt/sovereignops
ENV SOVEREIGNOPS_HELM=/opt/sovereignops/bin/helm \
    SOVEREIGNOPS_CHARTS=/opt/sovereignops/charts \
    HELM_CACHE_HOME=/tmp/helm/cache \
    HELM_CONFIG_HOME=/tmp/helm/config \
    HELM_DATA_HOME=/tmp/helm/data \
    DOTNET_gcServer=0
USER 65532:65532
WORKDIR /opt/sovereignops
EXPOSE 8080
ENTRYPOINT ["dotnet", "/opt/sovereignops/app/sovereign-operator.dll"]
