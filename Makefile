# The two commands of README.md: `make run` and `make test`. Everything they need is set up here.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8765

.PHONY: run test bench gate browser clean

run: $(VENV)/.installed
	$(BIN)/storyline ingest --examples
	$(BIN)/storyline serve --host $(HOST) --port $(PORT)

test: $(VENV)/.installed-test browser
	$(BIN)/python -m pytest -q

# Every stage scored beside its peers on ../shared/data; the tables go to docs/benchmarks.md.
bench: $(VENV)/.installed-bench
	for stage in extraction entities quotes statements stories; do $(BIN)/python -m bench.$$stage --write || exit 1; done

# The benchmarks' quick runs held at their floors (bench/floors.toml); skips without the data.
gate: $(VENV)/.installed-bench
	$(BIN)/python -m bench.gate

$(VENV)/.created:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.created
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[test]'
	touch $@

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install -q -e '.[bench]'
	touch $@

# Browser tests drive Debian's chromium; without root the browser tests skip and say why.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null; } || \
		echo "chromium not installed: browser tests will be skipped"

clean:
	rm -rf $(VENV) storyline.db storyline.db-wal storyline.db-shm
