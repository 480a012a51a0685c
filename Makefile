# Shortcuts for the scripts in scripts/; the scripts are the reference
# (README.md), so that a machine without make works too.
.PHONY: run-demo test build release release-check

# Install what is missing, build, fill tmp/demo.db with demo data, open the window.
run-demo:
	./scripts/setup.sh

# The whole test suite, as CI runs it.
test:
	./scripts/test.sh

build:
	go build -o bin/humasdesk ./cmd/humasdesk

# The release artefacts in dist/ (Linux tar.xz, Windows zip, the server for
# both); see docs/SERVER.md, "Membuat rilis".
release:
	./scripts/release.sh

# The same, then check every artefact (scripts/test.sh runs this too).
release-check:
	./scripts/release.sh --check
