# Thin wrappers; the logic lives in .ci/*.sh
.PHONY: run test format clean-db stop-db bench-dashboard bench-fulfilment

run:
	@bash .ci/run-local.sh

test:
	@bash .ci/test.sh

format:
	@dotnet format YiyangPortal.sln

stop-db:
	@bash .ci/db.sh stop

clean-db:
	@bash .ci/db.sh clean

bench-dashboard:
	@bash .ci/bench-dashboard.sh

bench-fulfilment:
	@bash .ci/bench-fulfilment.sh
