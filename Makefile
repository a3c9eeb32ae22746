# recfair: PGXS build.  `make`, `make install`, `make installcheck` (pg_regress
# against the server in PGHOST/PGPORT); scripts/test.sh runs everything.

EXTENSION = recfair
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" recfair.control)

MODULE_big = recfair
OBJS = \
	src/als.o \
	src/als_agg.o \
	src/als_explicit.o \
	src/attack.o \
	src/bpr.o \
	src/ceilings.o \
	src/embedding.o \
	src/embedding_agg.o \
	src/evaluate.o \
	src/explain.o \
	src/fair.o \
	src/fair_agg.o \
	src/fair_sql.o \
	src/fair_train.o \
	src/feature_maps.o \
	src/generate.o \
	src/idset.o \
	src/interactions.o \
	src/legacy.o \
	src/linalg.o \
	src/model_store.o \
	src/options.o \
	src/parallel.o \
	src/progress.o \
	src/rating_fair.o \
	src/recfair.o \
	src/relnames.o \
	src/security.o \
	src/serve.o \
	src/split.o \
	src/train.o \
	src/train_sql.o \
	src/item_index.o \
	src/shared_cache.o \
	src/quantized.o \
	src/tune.o

DATA = $(wildcard sql/recfair--*.sql)

REGRESS = embedding_io embedding_ops embedding_agg embedding_dump train_concurrency fair_concurrency fair_notice training_progress upgrade install_vs_upgrade
# pg_regress reads test/sql/*.sql and compares with test/expected/*.out (the
# layout of pgvector); it writes results/ and regression.diffs here.
REGRESS_OPTS = --inputdir=test --load-extension=recfair

# Warnings are errors: the build must stay clean.
PG_CFLAGS = -Werror -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
	-Wno-sign-compare -fopenmp-simd
PG_CPPFLAGS = -I$(srcdir)/src -DRECFAIR_VERSION='"$(EXTVERSION)"'
SHLIB_LINK = -lopenblas -lm -lpthread

EXTRA_CLEAN = results regression.diffs regression.out

# Debian installs one pg_config per major version: by default the newest
# installed (scripts/ pick the distribution's; PG_CONFIG=... picks any).
PG_CONFIG ?= $(lastword pg_config $(sort $(wildcard /usr/lib/postgresql/*/bin/pg_config)))
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# Every object depends on every header: PGXS tracks no header dependencies
# unless PostgreSQL was configured with --enable-depend, and a stale object
# built against an old struct layout or constant is a silent wrong answer.
$(OBJS) $(OBJS:.o=.bc): $(wildcard src/*.h)

# build_info() reports the version from the control file
src/linalg.o src/linalg.bc: recfair.control
