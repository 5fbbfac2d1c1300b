# SovereignOps — every target works on a fresh machine with the .NET SDK, Node.js/npm, make, unzip and jq.
SHELL := /bin/bash
ROOT := $(abspath .)
TOOLS := $(ROOT)/.tools/bin
export PATH := $(TOOLS):$(PATH)
export DOTNET_CLI_TELEMETRY_OPTOUT := 1
export DOTNET_NOLOGO := 1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE := 1
CONFIG ?= Release
EXAMPLES := examples/thailand examples/saudi-arabia examples/korea

.PHONY: all tools restore build test run crds bench publish clean

all: build

tools:
	@scripts/install-tools.sh

restore:
	dotnet restore SovereignOps.sln --verbosity quiet

build: tools restore
	dotnet build SovereignOps.sln -c $(CONFIG) --no-restore --nologo -clp:ErrorsOnly
	dotnet publish cli/SovereignOps.Cli/SovereignOps.Cli.csproj -c $(CONFIG) --no-restore --nologo -clp:ErrorsOnly -o .publish/sovereignctl
	@mkdir -p bin
	@printf '#!/usr/bin/env bash\nexec "%s/.publish/sovereignctl/sovereignctl" "$$@"\n' "$(ROOT)" > bin/sovereignctl
	@chmod +x bin/sovereignctl
	dotnet publish operator/SovereignOps.Operator/SovereignOps.Operator.csproj -c $(CONFIG) --no-restore --nologo -clp:ErrorsOnly -o .publish/sovereign-operator
	@printf '#!/usr/bin/env bash\nexec "%s/.publish/sovereign-operator/sovereign-operator" "$$@"\n' "$(ROOT)" > bin/sovereign-operator
	@chmod +x bin/sovereign-operator

test: build publish
	@scripts/test.sh

run: build
	@scripts/run.sh

# The operator image's content, exactly what the Dockerfile copies: the operator (app/), the pinned
# helm (bin/helm) and the workload charts it renders (charts/). Nothing else goes into the image.
IMAGE_DIR := .publish/image
publish: tools restore
	rm -rf $(IMAGE_DIR)
	dotnet publish operator/SovereignOps.Operator/SovereignOps.Operator.csproj -c $(CONFIG) --no-restore --nologo -clp:ErrorsOnly -o $(IMAGE_DIR)/app
	install -D -m 0755 $(TOOLS)/helm $(IMAGE_DIR)/bin/helm
	mkdir -p $(IMAGE_DIR)/charts
	cp -R charts/sovereign-model charts/sovereign-agent charts/sovereign-tenant $(IMAGE_DIR)/charts/

crds: build
	bin/sovereignctl crds --out crds

# The BenchmarkDotNet suites (BENCH_ARGS narrows them), then the two wall-clock harnesses:
# sovereignctl render against helm alone, and the operator at scale on the sandbox.
bench: build
	dotnet run -c Release --no-build --project bench/SovereignOps.Benchmarks -- $(or $(BENCH_ARGS),--filter "*" --inProcess)
	dotnet run -c Release --no-build --project bench/SovereignOps.Benchmarks -- render-timing --runs 9 --sovereignctl .publish/sovereignctl/sovereignctl
	dotnet run -c Release --no-build --project bench/SovereignOps.Benchmarks -- operator-scale $(SCALE_ARGS)

clean:
	rm -rf bin .publish .test-results
	dotnet clean SovereignOps.sln --nologo -v q
