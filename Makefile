# Shortcuts for the scripts in scripts/; the scripts are the reference
# (README.md), so that a machine without make works too.
.PHONY: run-demo test build

# Install what is missing, build, fill tmp/demo.db with demo data, open the window.
run-demo:
	./scripts/setup.sh

# The whole test suite, as CI runs it.
test:
	./scripts/test.sh

build:
	go build -o bin/humasdesk ./cmd/humasdesk
