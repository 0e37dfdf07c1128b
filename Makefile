# Yishi: the two commands of the README, and a few more.
.PHONY: dev test reset build setup bench size fmt lint

# Install what is missing, build, seed the demo district and serve it on http://localhost:8787.
dev:
	@scripts/dev.sh

# Run every test (core, seed, API against a real local worker, Playwright in Chromium).
test:
	@scripts/test.sh

# Wipe the local database and KV in .state/, re-apply migrations and re-seed the demo district.
reset:
	rm -rf .state
	@scripts/setup.sh
	mkdir -p .state
	@scripts/db.sh migrate .state
	@scripts/db.sh load .state api-worker/seed/demo.sql
	touch .state/.seeded
	@echo "Local state wiped and re-seeded; start with: make dev"

build:
	@scripts/setup.sh
	@scripts/build.sh

setup:
	@scripts/setup.sh --with-browser

# Every benchmark, with figures: what a phone downloads, the home screen on slow 3G and fast 4G (cold and
# warm), Lighthouse, ballots, a live meeting's fan-out, requests. About 7 minutes; asserts nothing.
bench:
	@scripts/bench.sh

# What a phone downloads: every file served, raw and compressed, each app's first load, the wasm profile.
size:
	@scripts/setup.sh
	@YISHI_QUIET_SIZES=1 scripts/build.sh
	@python3 scripts/size.py

fmt:
	cargo fmt --all

lint:
	cargo fmt --all -- --check
	cargo clippy -p yishi-core -p yishi-api-tests --all-targets -- -D warnings
	cargo clippy -p yishi-core --all-targets --features schema,push -- -D warnings
	cargo clippy -p yishi-app -p yishi-api-worker --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p yishi-app --features office --target wasm32-unknown-unknown -- -D warnings
	cargo clippy -p yishi-app --features home --target wasm32-unknown-unknown -- -D warnings
